package org.itinera.core.organisation;

import static org.itinera.schema.jooq.Tables.OFFICE;

import java.util.List;
import java.util.Optional;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.OfficeRecord;
import org.jooq.DSLContext;

/** Offices. */
public final class OfficeRepository {
    public void insert(WriteTx tx, Office o) {
        OfficeRecord r = tx.newRecord(OFFICE);
        r.setId(o.id());
        r.setCode(o.code());
        r.setName(o.name());
        r.setCountry(o.country());
        tx.insert(r);
    }

    public List<Office> all(DSLContext dsl) {
        return dsl.selectFrom(OFFICE).where(OFFICE.DELETED.isFalse()).orderBy(OFFICE.CODE)
                .fetch(r -> new Office(r.getId(), r.getCode(), r.getName(), r.getCountry()));
    }

    public Optional<String> countryOf(DSLContext dsl, String id) {
        return dsl.select(OFFICE.COUNTRY).from(OFFICE).where(OFFICE.ID.eq(id)).fetchOptional(OFFICE.COUNTRY);
    }

    public java.util.Set<String> idsInCountry(DSLContext dsl, String country) {
        return java.util.Set.copyOf(dsl.select(OFFICE.ID).from(OFFICE)
                .where(OFFICE.COUNTRY.eq(country).and(OFFICE.DELETED.isFalse())).fetch(OFFICE.ID));
    }

    /** The office with this code, deleted or not (a code is never given to a second office). */
    public Optional<Office> findByCode(DSLContext dsl, String code) {
        return dsl.selectFrom(OFFICE).where(OFFICE.CODE.eq(code)).fetchOptional()
                .map(r -> new Office(r.getId(), r.getCode(), r.getName(), r.getCountry()));
    }

    public Optional<Office> find(DSLContext dsl, String id) {
        return dsl.selectFrom(OFFICE).where(OFFICE.ID.eq(id)).fetchOptional()
                .map(r -> new Office(r.getId(), r.getCode(), r.getName(), r.getCountry()));
    }
}

package org.itinera.core.organisation;

import static org.itinera.schema.jooq.Tables.PARTNER;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Partners, read-only here (they arrive by sync and demo data). */
public final class PartnerRepository {
    public List<Partner> all(DSLContext dsl) {
        return dsl.selectFrom(PARTNER).where(PARTNER.DELETED.isFalse()).orderBy(PARTNER.NAME)
                .fetch(r -> new Partner(r.getId(), r.getName(), r.getCountry(), r.getPartnerType()));
    }

    public Optional<Partner> find(DSLContext dsl, String id) {
        return dsl.selectFrom(PARTNER).where(PARTNER.ID.eq(id).and(PARTNER.DELETED.isFalse())).fetchOptional()
                .map(r -> new Partner(r.getId(), r.getName(), r.getCountry(), r.getPartnerType()));
    }
}

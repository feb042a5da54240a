package org.itinera.core.consent;

import static org.itinera.schema.jooq.Tables.CONSENT;
import static org.itinera.schema.jooq.Tables.PARTNER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.ConsentRecord;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Consent records. Withdrawal fills the withdrawal columns of the record; nothing is ever erased. */
public final class ConsentRepository {
    /** SQLite allows a limited number of bound parameters; bulk look-ups go in chunks. */
    private static final int CHUNK = 500;

    public void insert(WriteTx tx, String id, NewConsent c, String recordedBy) {
        ConsentRecord r = tx.newRecord(CONSENT);
        r.setId(id);
        r.setPersonId(c.personId());
        r.setPurpose(c.purpose().name());
        r.setPartnerId(c.partnerId());
        r.setGivenOn(c.givenOn().toString());
        r.setMethod(c.method().name());
        r.setProxyName(c.proxyName());
        r.setProxyRelationship(c.proxyRelationship());
        r.setRecordedBy(recordedBy);
        r.setExpiresOn(c.expiresOn() == null ? null : c.expiresOn().toString());
        tx.insert(r);
    }

    public void withdraw(WriteTx tx, String id, LocalDate on, String by, String note) {
        ConsentRecord r = tx.dsl().selectFrom(CONSENT).where(CONSENT.ID.eq(id)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no consent " + id);
        }
        r.setWithdrawnOn(on.toString());
        r.setWithdrawnBy(by);
        r.setWithdrawalNote(note);
        tx.update(r);
    }

    public Optional<Consent> find(DSLContext dsl, String id) {
        return select(dsl).where(CONSENT.ID.eq(id).and(CONSENT.DELETED.isFalse())).fetchOptional(ConsentRepository::consent);
    }

    public List<Consent> ofPerson(DSLContext dsl, String personId) {
        return select(dsl).where(CONSENT.PERSON_ID.eq(personId).and(CONSENT.DELETED.isFalse()))
                .orderBy(CONSENT.GIVEN_ON.desc(), CONSENT.ID.desc()).fetch(ConsentRepository::consent);
    }

    /** The records of one purpose for many persons at once (exports, matching). */
    public Map<String, List<Consent>> ofPersons(DSLContext dsl, Collection<String> personIds, ConsentPurpose purpose) {
        Map<String, List<Consent>> out = new HashMap<>();
        List<String> ids = new ArrayList<>(personIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            select(dsl).where(CONSENT.PERSON_ID.in(ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                            .and(CONSENT.PURPOSE.eq(purpose.name())).and(CONSENT.DELETED.isFalse()))
                    .fetch(ConsentRepository::consent)
                    .forEach(c -> out.computeIfAbsent(c.personId(), k -> new ArrayList<>()).add(c));
        }
        return out;
    }

    private static org.jooq.SelectJoinStep<Record> select(DSLContext dsl) {
        return dsl.select(CONSENT.fields()).select(PARTNER.NAME).from(CONSENT).leftJoin(PARTNER)
                .on(PARTNER.ID.eq(CONSENT.PARTNER_ID));
    }

    private static Consent consent(Record r) {
        return new Consent(r.get(CONSENT.ID), r.get(CONSENT.PERSON_ID), ConsentPurpose.valueOf(r.get(CONSENT.PURPOSE)),
                Optional.ofNullable(r.get(CONSENT.PARTNER_ID)), Optional.ofNullable(r.get(PARTNER.NAME)),
                LocalDate.parse(r.get(CONSENT.GIVEN_ON)), ConsentMethod.valueOf(r.get(CONSENT.METHOD)),
                Optional.ofNullable(r.get(CONSENT.PROXY_NAME)), Optional.ofNullable(r.get(CONSENT.PROXY_RELATIONSHIP)),
                Optional.ofNullable(r.get(CONSENT.RECORDED_BY)), date(r.get(CONSENT.EXPIRES_ON)),
                date(r.get(CONSENT.WITHDRAWN_ON)), Optional.ofNullable(r.get(CONSENT.WITHDRAWN_BY)),
                Optional.ofNullable(r.get(CONSENT.WITHDRAWAL_NOTE)));
    }

    private static Optional<LocalDate> date(String s) {
        return s == null ? Optional.empty() : Optional.of(LocalDate.parse(s));
    }
}

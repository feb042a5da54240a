package org.itinera.core.movement;

import static org.itinera.schema.jooq.Tables.CONSENT;
import static org.itinera.schema.jooq.Tables.OFFICE;
import static org.itinera.schema.jooq.Tables.PERSON;
import static org.itinera.schema.jooq.Tables.PERSON_DOCUMENT;

import java.util.Optional;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.ConsentRecord;
import org.itinera.schema.jooq.tables.records.PersonDocumentRecord;
import org.jooq.DSLContext;

/**
 * What a movement officer records while preparing a departure: the travel document a consulate
 * issued, and the traveller's consent to travel (to be replaced by the consent service of issue 4).
 */
public final class PreparationRepository {

    public void insertDocument(WriteTx tx, String id, String personId, TravelDocument d) {
        PersonDocumentRecord r = tx.newRecord(PERSON_DOCUMENT);
        r.setId(id);
        r.setPersonId(personId);
        r.setDocType(d.type());
        r.setNumber(d.number().strip());
        r.setIssuingCountry(d.issuingCountry());
        r.setIssuedOn(d.issuedOn() == null ? null : d.issuedOn().toString());
        r.setExpiresOn(d.expiresOn() == null ? null : d.expiresOn().toString());
        r.setVerified(true);
        tx.insert(r);
    }

    public void insertTravelConsent(WriteTx tx, String id, String personId, TravelConsent c, String userId) {
        ConsentRecord r = tx.newRecord(CONSENT);
        r.setId(id);
        r.setPersonId(personId);
        r.setPurpose("TRAVEL");
        r.setGivenOn(c.givenOn().toString());
        r.setMethod(c.method().name());
        r.setProxyName(c.proxyName());
        r.setProxyRelationship(c.proxyRelationship());
        r.setRecordedBy(userId);
        r.setExpiresOn(c.expiresOn() == null ? null : c.expiresOn().toString());
        tx.insert(r);
    }

    public Optional<String> officeOfPerson(DSLContext dsl, String personId) {
        return dsl.select(PERSON.OFFICE_ID).from(PERSON).where(PERSON.ID.eq(personId).and(PERSON.DELETED.isFalse()))
                .fetchOptional(PERSON.OFFICE_ID);
    }

    /** The country of an office (where its travellers leave from). */
    public Optional<String> officeCountry(DSLContext dsl, String officeId) {
        return officeId == null ? Optional.empty()
                : dsl.select(OFFICE.COUNTRY).from(OFFICE).where(OFFICE.ID.eq(officeId)).fetchOptional(OFFICE.COUNTRY);
    }

    public boolean personExists(DSLContext dsl, String personId) {
        return dsl.fetchExists(PERSON, PERSON.ID.eq(personId).and(PERSON.DELETED.isFalse()));
    }
}

package org.itinera.core.exchange;

import static org.itinera.schema.jooq.Tables.PERSON;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;

/** The few person fields a partner exchange may carry, and no others. */
public final class ExchangeRepository {
    private static final int CHUNK = 500;

    public record Row(String id, String givenName, String familyName, String sex, String birthDate,
                      String birthPrecision, String nationality, String officeId) {
    }

    public List<Row> rows(DSLContext dsl, Collection<String> personIds) {
        List<String> ids = new ArrayList<>(personIds);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.addAll(dsl.select(PERSON.ID, PERSON.GIVEN_NAME, PERSON.FAMILY_NAME, PERSON.SEX, PERSON.BIRTH_DATE,
                            PERSON.BIRTH_PRECISION, PERSON.NATIONALITY, PERSON.OFFICE_ID)
                    .from(PERSON)
                    .where(PERSON.ID.in(ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                            .and(PERSON.DELETED.isFalse()).and(PERSON.MERGED_INTO.isNull()))
                    .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                            r.value7(), r.value8())));
        }
        return out;
    }

    public List<String> personsOfOffice(DSLContext dsl, String officeId) {
        return dsl.select(PERSON.ID).from(PERSON)
                .where(PERSON.OFFICE_ID.eq(officeId).and(PERSON.DELETED.isFalse()).and(PERSON.MERGED_INTO.isNull()))
                .orderBy(PERSON.ID).fetch(PERSON.ID);
    }
}

package org.itinera.core.casefile;

/**
 * What a caseworker enters about a person. Names in Latin script are required; names in the
 * original script (e.g. Arabic) are optional. Country codes are ISO 3166-1 alpha-3.
 */
public record PersonDetails(String givenName, String familyName, String middleName, String givenNameOrig,
                            String familyNameOrig, Sex sex, BirthDate birthDate, String nationality,
                            String placeOfBirth, String primaryLanguage, String phone, String officeId) {

    public PersonDetails {
        givenName = trim(givenName);
        familyName = trim(familyName);
        middleName = trim(middleName);
        givenNameOrig = trim(givenNameOrig);
        familyNameOrig = trim(familyNameOrig);
        nationality = trim(nationality);
        placeOfBirth = trim(placeOfBirth);
        primaryLanguage = trim(primaryLanguage);
        phone = trim(phone);
        birthDate = birthDate == null ? BirthDate.UNKNOWN : birthDate;
        sex = sex == null ? Sex.U : sex;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    public String latinName() {
        return middleName == null ? givenName + " " + familyName : givenName + " " + middleName + " " + familyName;
    }

    public String originalName() {
        if (givenNameOrig == null && familyNameOrig == null) {
            return "";
        }
        return ((givenNameOrig == null ? "" : givenNameOrig) + " " + (familyNameOrig == null ? "" : familyNameOrig)).strip();
    }
}

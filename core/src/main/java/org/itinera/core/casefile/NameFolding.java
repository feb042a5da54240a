package org.itinera.core.casefile;

import java.text.Normalizer;

/**
 * Folds names for searching: lower case, no diacritics (Latin accents, Arabic vowel marks), one
 * form per Arabic letter family (alef forms → ا, teh marbuta → ه, alef maksura → ي), the hooked
 * letters of Fula and Hausa (ɓ ɗ ƙ ƴ ŋ) to their plain forms, apostrophes dropped (N'Diaye = Ndiaye),
 * and any other punctuation as a single space.
 */
public final class NameFolding {
    private NameFolding() {
    }

    public static String fold(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(n.length());
        boolean pendingSpace = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT
                    || cp == 0x0640 || isApostrophe(cp)) {
                continue;
            }
            String mapped = map(cp);
            if (mapped != null) {
                if (pendingSpace && !out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(mapped);
            } else if (Character.isLetterOrDigit(cp)) {
                if (pendingSpace && !out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB || cp == 0x0060;
    }

    private static String map(int cp) {
        return switch (cp) {
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673 -> "\u0627"; // alef forms
            case 0x0629 -> "\u0647";           // teh marbuta → heh
            case 0x0649, 0x06CC -> "\u064A";   // alef maksura, Farsi yeh → yeh
            case 0x06A9 -> "\u0643";           // keheh → kaf
            case 'ß' -> "ss";
            case 'æ', 'Æ' -> "ae";
            case 'œ', 'Œ' -> "oe";
            case 'ø', 'Ø' -> "o";
            case 'đ', 'Đ', 'ɗ', 'Ɗ' -> "d";
            case 'ł', 'Ł' -> "l";
            case 'ı' -> "i";
            case 'ɓ', 'Ɓ' -> "b";
            case 'ƙ', 'Ƙ' -> "k";
            case 'ƴ', 'Ƴ' -> "y";
            case 'ŋ', 'Ŋ' -> "n";
            case 'ɛ', 'Ɛ' -> "e";
            case 'ɔ', 'Ɔ' -> "o";
            default -> null;
        };
    }
}

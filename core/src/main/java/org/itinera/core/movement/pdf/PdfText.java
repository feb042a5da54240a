package org.itinera.core.movement.pdf;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a string in whatever scripts it holds: Arabic is shaped (ICU) and the whole string put in
 * visual order (Unicode bidi), then drawn run by run with the font that has each character.
 */
final class PdfText {
    enum Align { LEFT, RIGHT, CENTER }

    private record Run(PDFont font, String text) {
    }

    private final PdfFonts.InDocument fonts;
    private final ArabicShaping shaping = new ArabicShaping(
            ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK | ArabicShaping.TEXT_DIRECTION_LOGICAL);

    PdfText(PdfFonts.InDocument fonts) {
        this.fonts = fonts;
    }

    /** Width in points of a string drawn at {@code size}. */
    float width(String text, boolean bold, float size) throws IOException {
        return width(runs(text, bold), size);
    }

    private static float width(List<Run> runs, float size) throws IOException {
        float w = 0;
        for (Run r : runs) {
            w += r.font().getStringWidth(r.text()) / 1000f * size;
        }
        return w;
    }

    /** Draws text in a box of {@code maxWidth}, shortened with an ellipsis if it does not fit. */
    void draw(PDPageContentStream cs, String text, float x, float y, float maxWidth, float size, boolean bold,
              Align align) throws IOException {
        if (text == null || text.isBlank()) {
            return;
        }
        List<Run> runs = runs(text.strip(), bold);
        float w = width(runs, size);
        if (w > maxWidth) {
            runs = runs(fit(text.strip(), bold, size, maxWidth), bold);
            w = width(runs, size);
        }
        float left = switch (align) {
            case LEFT -> x;
            case RIGHT -> x + maxWidth - w;
            case CENTER -> x + (maxWidth - w) / 2;
        };
        cs.beginText();
        cs.newLineAtOffset(left, y);
        for (Run r : runs) {
            cs.setFont(r.font(), size);
            cs.showText(r.text());
        }
        cs.endText();
    }

    /** Right-to-left text (an Arabic name) is right-aligned in its box, other text left-aligned. */
    static Align natural(String text) {
        return text != null && Bidi.requiresBidi(text.toCharArray(), 0, text.length())
                && new Bidi(text, Bidi.LEVEL_DEFAULT_LTR).getParaLevel() == 1 ? Align.RIGHT : Align.LEFT;
    }

    private String fit(String text, boolean bold, float size, float maxWidth) throws IOException {
        String s = text;
        while (!s.isEmpty()) {
            s = s.substring(0, s.offsetByCodePoints(s.length(), -1)).stripTrailing();
            if (width(s + "…", bold, size) <= maxWidth) {
                return s + "…";
            }
        }
        return "";
    }

    /** Shapes and reorders the logical text, then splits it into runs of one font each. */
    private List<Run> runs(String logical, boolean bold) {
        String visual = visual(logical);
        PDFont latin = bold ? fonts.bold() : fonts.regular();
        List<Run> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDFont font = null;
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            i += Character.charCount(cp);
            PDFont f = fontFor(cp, font, latin);
            String ch = f == null ? "?" : new String(Character.toChars(cp));
            f = f == null ? latin : f;
            if (font != null && f != font) {
                out.add(new Run(font, current.toString()));
                current.setLength(0);
            }
            font = f;
            current.append(ch);
        }
        if (font != null && !current.isEmpty()) {
            out.add(new Run(font, current.toString()));
        }
        return out;
    }

    private String visual(String logical) {
        if (!Bidi.requiresBidi(logical.toCharArray(), 0, logical.length())) {
            return logical;
        }
        String shaped;
        try {
            shaped = shaping.shape(logical);
        } catch (ArabicShapingException e) {
            shaped = logical;
        }
        Bidi bidi = new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }

    /** The font for a character: by script, keeping the current font for spaces and punctuation it has. */
    private PDFont fontFor(int cp, PDFont current, PDFont latin) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
            if (current == fonts.arabic() && has(fonts.arabicCmap(), cp) || current == fonts.ethiopic() && has(fonts.ethiopicCmap(), cp)) {
                return current;
            }
        }
        if (script == Character.UnicodeScript.ARABIC && has(fonts.arabicCmap(), cp)) {
            return fonts.arabic();
        }
        if (script == Character.UnicodeScript.ETHIOPIC && has(fonts.ethiopicCmap(), cp)) {
            return fonts.ethiopic();
        }
        if (has(fonts.latinCmap(), cp)) {
            return latin;
        }
        if (has(fonts.arabicCmap(), cp)) {
            return fonts.arabic();
        }
        return has(fonts.ethiopicCmap(), cp) ? fonts.ethiopic() : null;
    }

    private static boolean has(CmapLookup cmap, int cp) {
        return cmap.getGlyphId(cp) > 0;
    }
}

package org.itinera.core.movement.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts a manifest is printed with (Noto Sans for Latin script, Noto Sans Arabic, Noto Sans
 * Ethiopic; SIL Open Font License, see fonts/OFL.txt), parsed once and embedded in every document.
 *
 * <p>PDFBox does not shape Arabic, so names are shaped to presentation forms with ICU before they
 * are drawn. The Arabic font is embedded whole with a ToUnicode map of its own, in which each
 * glyph stands for its base letter (ﻣ for م reads as م), so text extracted from the PDF is the name
 * as typed, in logical order; a lam-alef ligature keeps its single presentation-form character
 * (ﻻ, which NFKC turns into لا), because extractors disagree on the order of the letters of one RTL
 * glyph. See docs/decisions/0007-manifest-pdf.md.
 */
final class PdfFonts {
    private static final String BASE = "/org/itinera/core/movement/fonts/";

    private final TrueTypeFont regular;
    private final TrueTypeFont bold;
    private final TrueTypeFont arabic;
    private final TrueTypeFont ethiopic;
    private final byte[] arabicToUnicode;

    PdfFonts() {
        this.regular = parse("NotoSans-Regular.ttf");
        this.bold = parse("NotoSans-Bold.ttf");
        this.arabic = parse("NotoSansArabic-Regular.ttf");
        this.ethiopic = parse("NotoSansEthiopic-Regular.ttf");
        try {
            this.arabicToUnicode = toUnicodeCMap(arabic.getUnicodeCmapLookup(), arabic.getNumberOfGlyphs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fonts loaded into one document. */
    record InDocument(PDType0Font regular, PDType0Font bold, PDType0Font arabic, PDType0Font ethiopic,
                      CmapLookup arabicCmap, CmapLookup ethiopicCmap, CmapLookup latinCmap) {
    }

    InDocument load(PDDocument doc) throws IOException {
        PDType0Font ar = PDType0Font.load(doc, arabic, false);
        PDStream toUnicode = new PDStream(doc);
        try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(arabicToUnicode);
        }
        ar.getCOSObject().setItem(COSName.TO_UNICODE, toUnicode);
        return new InDocument(PDType0Font.load(doc, regular, true), PDType0Font.load(doc, bold, true), ar,
                PDType0Font.load(doc, ethiopic, true), arabic.getUnicodeCmapLookup(), ethiopic.getUnicodeCmapLookup(),
                regular.getUnicodeCmapLookup());
    }

    private static TrueTypeFont parse(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the build: " + name);
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            // no automatic ligatures: "fi" in Rafiq must stay two letters for search and extraction
            // (Arabic is shaped by ICU before drawing)
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A ToUnicode CMap for a font embedded whole (character code = glyph id): each glyph maps to the
     * NFKC form of a code point it is drawn for, preferring a base character over a presentation form.
     */
    static byte[] toUnicodeCMap(CmapLookup cmap, int glyphs) {
        Map<Integer, String> byGlyph = new TreeMap<>();
        Map<Integer, Boolean> fromBase = new TreeMap<>();
        for (int cp = 0x20; cp <= 0xFFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            int gid = cmap.getGlyphId(cp);
            if (gid <= 0 || gid >= glyphs) {
                continue;
            }
            boolean presentation = cp >= 0xFB50 && cp <= 0xFDFF || cp >= 0xFE70 && cp <= 0xFEFF;
            String text = new String(Character.toChars(cp));
            if (presentation) {
                String base = Normalizer.normalize(text, Normalizer.Form.NFKC);
                // a ligature's letters are left as the one presentation character (see class comment)
                text = base.codePointCount(0, base.length()) == 1 ? base : text;
            }
            if (!byGlyph.containsKey(gid) || !presentation && !fromBase.get(gid)) {
                byGlyph.put(gid, text);
                fromBase.put(gid, !presentation);
            }
        }
        StringBuilder sb = new StringBuilder()
                .append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, String>> entries = new ArrayList<>(byGlyph.entrySet());
        HexFormat hex = HexFormat.of().withUpperCase();
        for (int i = 0; i < entries.size(); i += 100) {
            List<Map.Entry<Integer, String>> chunk = entries.subList(i, Math.min(entries.size(), i + 100));
            sb.append(chunk.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> e : chunk) {
                sb.append('<').append(String.format("%04X", e.getKey())).append("> <")
                        .append(hex.formatHex(e.getValue().getBytes(StandardCharsets.UTF_16BE))).append(">\n");
            }
            sb.append("endbfchar\n");
        }
        sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(sb.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}

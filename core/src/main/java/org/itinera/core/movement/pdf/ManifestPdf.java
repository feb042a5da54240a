package org.itinera.core.movement.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.itinera.core.casefile.Sex;
import org.itinera.core.movement.Escort;
import org.itinera.core.movement.Manifest;
import org.itinera.core.movement.ManifestLabels;
import org.itinera.core.movement.ManifestPassenger;
import org.itinera.core.movement.ManifestPrinter;
import org.itinera.core.movement.ManifestSheet;
import org.itinera.core.movement.SpecialServiceRequest;
import org.itinera.core.movement.pdf.PdfText.Align;

/**
 * A passenger manifest as an A4 landscape PDF (Apache PDFBox): a header on every page with route,
 * date, carrier, flight, manifest number and a QR code of the manifest id; one row per passenger
 * with names in Latin and original script, sex, age, nationality, travel document, seat, baggage,
 * special service codes and escort; totals, escorts and signature blocks at the end; page numbers.
 * Nothing medical is printed: the special service codes say what help the carrier gives, not why.
 */
public final class ManifestPdf implements ManifestPrinter {
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 28;
    private static final float ROW = 15;
    private static final float TABLE_TOP = PAGE.getHeight() - MARGIN - 96;
    private static final float BOTTOM = MARGIN + 18;
    private static final float SUMMARY_HEIGHT = 150;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] COLUMNS = {"no", "name", "original", "sex", "age", "nationality", "document", "seat",
        "bags", "services", "escort"};
    private static final float[] WIDTHS = {20, 165, 135, 24, 26, 32, 112, 30, 40, 92, 110};

    /** Parsed on the first print (not at sign-in), then reused by every print. */
    private PdfFonts fonts;

    @Override
    public synchronized void prepare() {
        if (fonts == null) {
            fonts = new PdfFonts();
        }
    }

    @Override
    public synchronized void print(ManifestSheet sheet, OutputStream out) throws IOException {
        prepare();
        try (PDDocument doc = new PDDocument()) {
            PdfText text = new PdfText(fonts.load(doc));
            BitMatrix qr = qrCode(sheet.manifest().id());
            List<ManifestPassenger> rows = sheet.passengers();
            int perPage = (int) ((TABLE_TOP - ROW - BOTTOM) / ROW);
            int pages = Math.max(1, (rows.size() + perPage - 1) / perPage);
            int lastRows = rows.size() - (pages - 1) * perPage;
            boolean summaryOwnPage = TABLE_TOP - ROW - lastRows * ROW - SUMMARY_HEIGHT < BOTTOM;
            int total = pages + (summaryOwnPage ? 1 : 0);
            for (int p = 0; p < total; p++) {
                PDPage page = new PDPage(PAGE);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    header(cs, text, sheet, qr);
                    float y = TABLE_TOP;
                    if (p < pages) {
                        int from = p * perPage;
                        List<ManifestPassenger> slice = rows.subList(from, Math.min(rows.size(), from + perPage));
                        y = table(cs, text, sheet.labels(), slice, from, from == 0 ? null : rows.get(from - 1));
                    }
                    if (p == total - 1) {
                        summary(cs, text, sheet, summaryOwnPage ? TABLE_TOP : y - 14);
                    }
                    footer(cs, text, sheet, p + 1, total);
                    if (sheet.watermark() != null) {
                        watermark(cs, text, sheet.watermark());
                    }
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(sheet.labels().get("manifest.pdf.title") + " " + sheet.manifest().manifestNo());
            info.setCreator("Itinera");
            doc.save(out);
        }
    }

    private void header(PDPageContentStream cs, PdfText text, ManifestSheet s, BitMatrix qr) throws IOException {
        ManifestLabels l = s.labels();
        Manifest m = s.manifest();
        float top = PAGE.getHeight() - MARGIN;
        text.draw(cs, l.get("manifest.pdf.title"), MARGIN, top - 14, 400, 15, true, Align.LEFT);
        grey(cs);
        text.draw(cs, s.officeName(), MARGIN, top - 26, 400, 8, false, Align.LEFT);
        black(cs);
        ZoneId zone = m.departsZone();
        String departure = m.departsLocal() == null ? m.flight().date().toString()
                : LOCAL.format(m.departsLocal()) + (zone == null ? "" : " (" + zone.getId() + ")");
        String checkIn = m.checkInLocal() == null ? "" : LOCAL.format(m.checkInLocal());
        String printed = LOCAL.format(s.printedAt().atZone(zone == null ? ZoneId.of("UTC") : zone)) + " · " + s.printedBy();
        field(cs, text, l.get("manifest.pdf.manifestNo"), m.manifestNo(), MARGIN, top - 44, true);
        field(cs, text, l.get("manifest.pdf.flight"), m.flight().code(), MARGIN, top - 58, true);
        field(cs, text, l.get("manifest.pdf.route"), m.flight().from() + " " + s.fromName() + "  –  " + m.flight().to()
                + " " + s.toName(), MARGIN, top - 72, false);
        field(cs, text, l.get("manifest.pdf.departure"), departure, 400, top - 44, true);
        field(cs, text, l.get("manifest.pdf.checkIn"), checkIn, 400, top - 58, false);
        field(cs, text, l.get("manifest.pdf.printed"), printed, 400, top - 72, false);
        qr(cs, qr, PAGE.getWidth() - MARGIN - 64, top - 64, 64);
        grey(cs);
        text.draw(cs, m.id(), PAGE.getWidth() - MARGIN - 150, top - 74, 150, 5.5f, false, Align.RIGHT);
        black(cs);
    }

    private static void field(PDPageContentStream cs, PdfText text, String label, String value, float x, float y,
                              boolean bold) throws IOException {
        grey(cs);
        text.draw(cs, label, x, y, 80, 8, false, Align.LEFT);
        black(cs);
        text.draw(cs, value, x + 82, y, 280, 9.5f, bold, Align.LEFT);
    }

    /** Draws the passengers of one page; returns the y below the last row. */
    private float table(PDPageContentStream cs, PdfText text, ManifestLabels l, List<ManifestPassenger> slice, int first,
                        ManifestPassenger previous) throws IOException {
        float y = TABLE_TOP;
        cs.setNonStrokingColor(0.93f);
        cs.addRect(MARGIN, y - ROW + 4, PAGE.getWidth() - 2 * MARGIN, ROW);
        cs.fill();
        black(cs);
        float x = MARGIN;
        for (int c = 0; c < COLUMNS.length; c++) {
            text.draw(cs, l.get("manifest.pdf.col." + COLUMNS[c]), x + 2, y - 7, WIDTHS[c] - 4, 7.5f, true, Align.LEFT);
            x += WIDTHS[c];
        }
        y -= ROW;
        ManifestPassenger before = previous;
        for (int i = 0; i < slice.size(); i++) {
            ManifestPassenger p = slice.get(i);
            if (before != null && !sameHousehold(before, p)) {
                cs.setStrokingColor(0.8f);
                cs.setLineWidth(0.4f);
                cs.moveTo(MARGIN, y + 4);
                cs.lineTo(PAGE.getWidth() - MARGIN, y + 4);
                cs.stroke();
            }
            row(cs, text, l, p, first + i + 1, y - 7);
            before = p;
            y -= ROW;
        }
        return y;
    }

    private static boolean sameHousehold(ManifestPassenger a, ManifestPassenger b) {
        return a.householdId() != null && a.householdId().equals(b.householdId());
    }

    private void row(PDPageContentStream cs, PdfText text, ManifestLabels l, ManifestPassenger p, int no, float y)
            throws IOException {
        String[] cells = {
            Integer.toString(no), p.latinName(), p.originalName(), p.sex() == Sex.U ? "" : p.sex().name(),
            p.age() < 0 ? "" : Integer.toString(p.age()), p.nationality(),
            p.documentNumber() == null ? "" : l.get("manifest.pdf.doc." + p.documentType()) + " " + p.documentNumber(),
            p.seat(), p.baggagePieces() == 0 ? "" : p.baggagePieces() + " / " + p.baggageKg() + " kg",
            p.services().stream().sorted().map(Enum::name).collect(Collectors.joining(" ")), p.escortName()};
        float x = MARGIN;
        for (int c = 0; c < cells.length; c++) {
            Align align = c == 0 || c == 4 ? Align.RIGHT : c == 2 ? PdfText.natural(cells[c]) : Align.LEFT;
            // a right-aligned name keeps clear of the next column
            text.draw(cs, cells[c], x + 2, y, WIDTHS[c] - (align == Align.RIGHT && c == 2 ? 12 : 5), 8.5f, false, align);
            x += WIDTHS[c];
        }
    }

    private void summary(PDPageContentStream cs, PdfText text, ManifestSheet s, float top) throws IOException {
        ManifestLabels l = s.labels();
        List<ManifestPassenger> ps = s.passengers();
        long adults = ps.stream().filter(p -> p.age() >= 18 || p.age() < 0).count();
        long infants = ps.stream().filter(p -> p.age() >= 0 && p.age() < 2).count();
        long female = ps.stream().filter(p -> p.sex() == Sex.F).count();
        long male = ps.stream().filter(p -> p.sex() == Sex.M).count();
        float width = PAGE.getWidth() - 2 * MARGIN;
        text.draw(cs, l.get("manifest.pdf.totals", ps.size(), adults, ps.size() - adults, infants, female, male),
                MARGIN, top - 10, width, 9.5f, true, Align.LEFT);
        Map<SpecialServiceRequest, Integer> services = new EnumMap<>(SpecialServiceRequest.class);
        ps.forEach(p -> p.services().forEach(c -> services.merge(c, 1, Integer::sum)));
        String servicesText = services.isEmpty() ? l.get("manifest.pdf.none")
                : services.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        text.draw(cs, l.get("manifest.pdf.servicesTotal", servicesText), MARGIN, top - 24, width, 8.5f, false, Align.LEFT);
        int pieces = ps.stream().mapToInt(ManifestPassenger::baggagePieces).sum();
        int kg = ps.stream().mapToInt(ManifestPassenger::baggageKg).sum();
        text.draw(cs, l.get("manifest.pdf.bagsTotal", pieces, kg), MARGIN, top - 36, width, 8.5f, false, Align.LEFT);
        List<String> escorts = new ArrayList<>();
        for (Escort e : s.escorts()) {
            escorts.add(e.name() + " (" + l.get("enum.EscortType." + e.type().name()) + ")");
        }
        text.draw(cs, l.get("manifest.pdf.escorts", escorts.size(),
                        escorts.isEmpty() ? l.get("manifest.pdf.none") : String.join(", ", escorts)),
                MARGIN, top - 48, width, 8.5f, false, Align.LEFT);
        signatures(cs, text, l, top - 62);
    }

    private void signatures(PDPageContentStream cs, PdfText text, ManifestLabels l, float top) throws IOException {
        String[] who = {"officer", "escort", "carrier", "border"};
        float w = (PAGE.getWidth() - 2 * MARGIN - 3 * 8) / 4;
        cs.setStrokingColor(0.55f);
        cs.setLineWidth(0.6f);
        for (int i = 0; i < who.length; i++) {
            float x = MARGIN + i * (w + 8);
            cs.addRect(x, top - 72, w, 72);
            cs.stroke();
            text.draw(cs, l.get("manifest.pdf.sign." + who[i]), x + 5, top - 11, w - 10, 8.5f, true, Align.LEFT);
            String[] lines = {"manifest.pdf.sign.name", "manifest.pdf.sign.signature", "manifest.pdf.sign.date"};
            for (int j = 0; j < lines.length; j++) {
                float ly = top - 28 - j * 17;
                grey(cs);
                text.draw(cs, l.get(lines[j]), x + 5, ly, 60, 7.5f, false, Align.LEFT);
                black(cs);
                cs.moveTo(x + 62, ly - 1);
                cs.lineTo(x + w - 6, ly - 1);
                cs.stroke();
            }
        }
    }

    private void footer(PDPageContentStream cs, PdfText text, ManifestSheet s, int page, int pages) throws IOException {
        grey(cs);
        float y = MARGIN - 6;
        text.draw(cs, s.manifest().manifestNo(), MARGIN, y, 150, 7.5f, false, Align.LEFT);
        text.draw(cs, s.labels().get("manifest.pdf.confidential"), MARGIN + 150, y, PAGE.getWidth() - 2 * MARGIN - 300,
                7, false, Align.CENTER);
        text.draw(cs, s.labels().get("manifest.pdf.page", page, pages), PAGE.getWidth() - MARGIN - 150, y, 150, 7.5f,
                false, Align.RIGHT);
        black(cs);
    }

    private void watermark(PDPageContentStream cs, PdfText text, String mark) throws IOException {
        cs.saveGraphicsState();
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.28f);
        cs.setGraphicsStateParameters(translucent);
        cs.setNonStrokingColor(0.80f, 0.10f, 0.10f);
        // level, not slanted, so the mark is also in the text a reader or a search finds
        text.draw(cs, mark, MARGIN, PAGE.getHeight() / 2 - 40, PAGE.getWidth() - 2 * MARGIN, 30, true, Align.CENTER);
        cs.restoreGraphicsState();
    }

    private static BitMatrix qrCode(String content) throws IOException {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IOException("QR code", e);
        }
    }

    /** The QR code of the manifest id, as vector squares (sharp at any print resolution). */
    private static void qr(PDPageContentStream cs, BitMatrix matrix, float x, float y, float size) throws IOException {
        float module = size / matrix.getWidth();
        cs.setNonStrokingColor(0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    cs.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        cs.fill();
    }

    private static void grey(PDPageContentStream cs) throws IOException {
        cs.setNonStrokingColor(0.35f);
    }

    private static void black(PDPageContentStream cs) throws IOException {
        cs.setNonStrokingColor(0f);
    }
}

package org.itinera.core.movement.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.itinera.core.casefile.Sex;
import org.itinera.core.movement.Escort;
import org.itinera.core.movement.EscortType;
import org.itinera.core.movement.Flight;
import org.itinera.core.movement.Manifest;
import org.itinera.core.movement.ManifestPassenger;
import org.itinera.core.movement.ManifestSheet;
import org.itinera.core.movement.ManifestStatus;
import org.itinera.core.movement.PassengerStatus;
import org.itinera.core.movement.SpecialServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printed manifest read back with the tools a carrier or an archive would use: poppler's
 * pdftotext and pdffonts, PDFBox's renderer and a QR decoder.
 */
class ManifestPdfTest {
    static final String ID = "019a4c2e-7b1d-7c3a-9f00-5e2d4c1b0a99";
    static final List<String[]> ARABIC = List.of(
            new String[] {"Mohamed", "Abdallah", "محمد عبد الله"},
            new String[] {"Salah", "Bilal", "صلاح بلال"},
            new String[] {"Fatima", "El Zahra", "فاطمة الزهراء"},
            new String[] {"Aicha", "Ben Ali", "عائشة بن علي"});

    @TempDir
    static Path dir;
    static Path pdf;
    static ManifestSheet sheet;

    @BeforeAll
    static void print() throws IOException {
        List<ManifestPassenger> passengers = new ArrayList<>();
        for (String[] a : ARABIC) {
            passengers.add(passenger(passengers.size(), a[1], a[0], a[2], Set.of()));
        }
        passengers.add(passenger(passengers.size(), "Gebremedhin", "Tesfay", "ተስፋይ ገብረመድህን", Set.of(SpecialServiceRequest.WCHR)));
        passengers.add(passenger(passengers.size(), "Keïta-Traoré de Saint-Exupéry", "Oumou Kalsoum Aminata", "",
                Set.of(SpecialServiceRequest.WCHC, SpecialServiceRequest.MEDA)));
        while (passengers.size() < 60) {
            passengers.add(passenger(passengers.size(), "Diallo", "Traveller " + passengers.size(), "", Set.of()));
        }
        Manifest m = new Manifest(ID, "M-TIP-261126-5E2D4C", new Flight("UZ", "5202", "MJI", "BKO", LocalDate.of(2026, 11, 26)),
                LocalDate.of(2026, 11, 26).atTime(7, 30), ZoneId.of("Africa/Tripoli"), LocalDate.of(2026, 11, 26).atTime(4, 30),
                ManifestStatus.DRAFT, "office");
        sheet = new ManifestSheet(m, "Tripoli", "Bamako", "Tripoli (TIP)", passengers,
                List.of(new Escort("e1", "b1", EscortType.MEDICAL, "Dr Amadou Sy", null, null),
                        new Escort("e2", "b1", EscortType.OPERATIONAL, "Khadija Mansour", null, null)),
                "Moussa Keïta", Instant.parse("2026-11-25T16:00:00Z"), null, (key, args) -> key + (args.length == 0 ? "" : " " + List.of(args)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestPdf().print(sheet, out);
        pdf = dir.resolve("manifest.pdf");
        Files.write(pdf, out.toByteArray());
    }

    static ManifestPassenger passenger(int i, String family, String given, String original, Set<SpecialServiceRequest> ssr) {
        return new ManifestPassenger("mp" + i, "mv" + i, "p" + i, i < 4 ? "household-1" : null, family, given, original,
                i % 2 == 0 ? Sex.M : Sex.F, i < 4 ? 40 - i * 9 : 25, "MLI", "LAISSEZ_PASSER", "LP" + (100000 + i), ssr,
                i == 5 ? "Dr Amadou Sy" : null, i == 0 ? "12A" : null, 1, 20, "PNR" + i, PassengerStatus.LISTED, null);
    }

    @Test
    void arabicNamesComeOutOfPdftotextInLogicalOrder() throws Exception {
        String text = run("pdftotext", pdf.toString(), "-");
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        for (String[] a : ARABIC) {
            assertThat(normalized).as(a[2]).contains(a[2]);
        }
        // without a lam-alef ligature the extracted letters are exactly the ones typed
        assertThat(text).contains("محمد عبد الله", "فاطمة الزهراء");
        assertThat(text).contains("ተስፋይ ገብረመድህን", "ABDALLAH, Mohamed");
    }

    @Test
    void everyFontIsEmbedded() throws Exception {
        List<String> rows = run("pdffonts", pdf.toString()).lines().skip(2).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        for (String row : rows) {
            // columns: name type encoding emb sub uni object ID
            String[] cols = row.trim().split("\\s+");
            assertThat(cols[cols.length - 5]).as(row).isEqualTo("yes");
        }
    }

    @Test
    void pagesAreNumberedAndTheLastPageHasTotalsEscortsAndSignatures() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
        }
        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains("manifest.pdf.page [1, 3]", "manifest.pdf.page [3, 3]");
        assertThat(text).contains("manifest.pdf.totals [60, ", "WCHC 1", "WCHR 1", "MEDA 1");
        assertThat(text).contains("Dr Amadou Sy (enum.EscortType.MEDICAL)", "manifest.pdf.sign.carrier", "manifest.pdf.sign.border");
        assertThat(text).contains("M-TIP-261126-5E2D4C", "UZ 5202", "MJI Tripoli – BKO Bamako", "2026-11-26 07:30 (Africa/Tripoli)");
        // a name too long for its column is shortened, not spilled over the next one
        assertThat(text).contains("KEÏTA-TRAORÉ DE SAINT-EXUPÉRY, Ou…").doesNotContain("Kalsoum");
        // letters stay letters: no automatic "fi" or "fl" ligature in names or labels
        assertThat(text).contains("manifest.pdf.flight").doesNotContain("\uFB01", "\uFB02");
    }

    @Test
    void theQrCodeInTheHeaderIsTheManifestId() throws Exception {
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            page = new PDFRenderer(doc).renderImageWithDPI(1, 200);
        }
        BufferedImage corner = page.getSubimage(page.getWidth() * 3 / 4, 0, page.getWidth() / 4, page.getHeight() / 4);
        int[] pixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(corner.getWidth(), corner.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText()).isEqualTo(ID);
    }

    @Test
    void aPreviewOfABlockedManifestIsMarkedAsNotValidForTravel() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ManifestPdf().print(new ManifestSheet(sheet.manifest(), "Tripoli", "Bamako", "", sheet.passengers().subList(0, 3),
                List.of(), "x", Instant.parse("2026-11-25T16:00:00Z"), "DRAFT NOT VALID FOR TRAVEL", sheet.labels()), out);
        Path preview = dir.resolve("preview.pdf");
        Files.write(preview, out.toByteArray());
        assertThat(run("pdftotext", preview.toString(), "-")).contains("DRAFT NOT VALID FOR TRAVEL");
        assertThat(run("pdftotext", pdf.toString(), "-")).doesNotContain("DRAFT");
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + err).isZero();
        return out;
    }
}

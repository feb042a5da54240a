package org.itinera.core.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameFoldingTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Traoré|traore", "KEÏTA|keita", "N'Diaye|ndiaye", "N’Diaye|ndiaye", "Jean-Baptiste|jean baptiste",
        "Ɓello|bello", "Ɗanjuma|danjuma", "Ŋom|nom", "Søren Ørsted|soren orsted",
        "أحمد|احمد", "إبراهيم|ابراهيم", "فاطمة|فاطمه", "مُحَمَّد|محمد", "موسى|موسي", "عـبـد|عبد",
        "  Mamadou   Diallo  |mamadou diallo"})
    void foldsCaseAccentsApostrophesAndArabicLetterVariants(String in, String out) {
        assertThat(NameFolding.fold(in)).isEqualTo(out);
    }
}

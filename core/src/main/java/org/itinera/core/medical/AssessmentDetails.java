package org.itinera.core.medical;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.itinera.core.access.MedicalDetail;

/**
 * What a clinician records in an assessment. All of it is medical detail and is stored sealed
 * with the medical key, as one value (column {@code health_assessment.details_sealed}).
 * {@code diagnosisCode} is an optional ICD-10 code beside the free-text diagnoses (blank if none).
 */
@MedicalDetail
public record AssessmentDetails(@JsonProperty("clinician") String clinician,
                                @JsonProperty("history") String history,
                                @JsonProperty("examination") String examination,
                                @JsonProperty("tests") List<TestResult> tests,
                                @JsonProperty("diagnoses") String diagnoses,
                                @JsonProperty("diagnosisCode") String diagnosisCode,
                                @JsonProperty("vaccinations") String vaccinations,
                                @JsonProperty("findings") String findings) {
    public AssessmentDetails {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }
}

package org.itinera.core.medical;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.itinera.core.access.MedicalDetail;

/** One test of an assessment and its result (e.g. "Chest X-ray", "clear"). */
@MedicalDetail
public record TestResult(@JsonProperty("test") String test, @JsonProperty("result") String result) {
}

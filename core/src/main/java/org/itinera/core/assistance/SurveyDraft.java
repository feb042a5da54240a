package org.itinera.core.assistance;

import java.time.LocalDate;
import java.util.Map;

/** A satisfaction survey: overall 1–5 and answers by question code (see {@link SurveyQuestion}). */
public record SurveyDraft(String caseId, LocalDate surveyedOn, int overallScore, Map<SurveyQuestion, Integer> answers) {
    public SurveyDraft {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}

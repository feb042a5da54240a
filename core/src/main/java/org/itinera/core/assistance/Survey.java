package org.itinera.core.assistance;

import java.time.LocalDate;
import java.util.Map;

/** A recorded satisfaction survey. */
public record Survey(String id, String caseId, LocalDate surveyedOn, int overallScore, Map<SurveyQuestion, Integer> answers) {
    public Survey {
        answers = Map.copyOf(answers);
    }
}

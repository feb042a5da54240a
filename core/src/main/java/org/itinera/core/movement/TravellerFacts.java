package org.itinera.core.movement;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the manifest gate needs to know about one traveller, read in one go for a whole manifest:
 * travel documents, fitness decisions (decision and validity only, never findings), travel consents
 * of the traveller and of the adults of their household, escorts and special services booked.
 */
record TravellerFacts(String movementId, String personId, String householdId, String name, MovementStatus status,
                      boolean fitnessRequired, LocalDate birthDate, List<Document> documents,
                      List<FitnessDecision> decisions, List<Consent> consents, List<Consent> guardianConsents,
                      boolean medicalEscort, boolean anyEscort, Set<SpecialServiceRequest> services) {

    record Document(String type, String number, LocalDate expiresOn) {
    }

    record FitnessDecision(TravelFitness decision, LocalDate validFrom, LocalDate validUntil, String decidedAt) {
    }

    record Consent(LocalDate givenOn, LocalDate expiresOn, LocalDate withdrawnOn) {
    }

    boolean isMinorOn(LocalDate day) {
        return birthDate != null && birthDate.plusYears(18).isAfter(day);
    }
}

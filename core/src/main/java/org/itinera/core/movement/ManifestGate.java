package org.itinera.core.movement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.itinera.core.movement.GateProblem.Kind;

/**
 * The rules a passenger must meet to be on a manifest for a departure date, on facts already read:
 * <ul>
 * <li>a passport, laissez-passer or travel document that has not expired by the departure date;</li>
 * <li>when the movement needs it, a fitness-to-travel decision valid on that date: the latest such
 * decision must be "fit", or "fit with escort" with a medical escort booked for the passenger (an
 * "unfit" decision valid on that date stops the passenger even when no decision was needed);</li>
 * <li>consent to travel (purpose TRAVEL) given, not withdrawn, not expired on that date; a child
 * (under 18 on that date) is covered by the travel consent of an adult of their household;</li>
 * <li>a child travels with an adult of their household on the same manifest, an escort, or as an
 * unaccompanied minor (UMNR) known to the carrier.</li>
 * </ul>
 */
final class ManifestGate {
    private ManifestGate() {
    }

    static List<GateProblem> check(TravellerFacts f, LocalDate day, boolean accompaniedByAdult) {
        List<GateProblem> problems = new ArrayList<>();
        documentProblem(f, day).ifPresent(problems::add);
        if (f.fitnessRequired()) {
            fitnessProblem(f, day).ifPresent(problems::add);
        } else if (fitnessOn(f.decisions(), day) == TravelFitness.UNFIT) {
            // no decision was needed, but one was made and it says no
            problems.add(GateProblem.of(Kind.UNFIT));
        }
        consentProblem(f, day).ifPresent(problems::add);
        if (f.isMinorOn(day) && !accompaniedByAdult && !f.anyEscort() && !f.services().contains(SpecialServiceRequest.UMNR)) {
            problems.add(GateProblem.of(Kind.UNACCOMPANIED_MINOR));
        }
        return problems;
    }

    static Optional<GateProblem> documentProblem(TravellerFacts f, LocalDate day) {
        List<TravellerFacts.Document> travel = f.documents().stream()
                .filter(d -> TravelDocument.TYPES.contains(d.type())).toList();
        if (travel.isEmpty()) {
            return Optional.of(GateProblem.of(Kind.NO_TRAVEL_DOCUMENT));
        }
        if (bestDocument(f.documents(), day).isPresent()) {
            return Optional.empty();
        }
        LocalDate lastExpiry = travel.stream().map(TravellerFacts.Document::expiresOn)
                .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(day);
        return Optional.of(GateProblem.of(Kind.DOCUMENT_EXPIRED, lastExpiry.toString()));
    }

    /** The travel document to print: valid on the day, the one valid longest (no expiry counts as longest). */
    static Optional<TravellerFacts.Document> bestDocument(List<TravellerFacts.Document> documents, LocalDate day) {
        return documents.stream()
                .filter(d -> TravelDocument.TYPES.contains(d.type()))
                .filter(d -> d.expiresOn() == null || !d.expiresOn().isBefore(day))
                .max(Comparator.comparing(d -> d.expiresOn() == null ? LocalDate.MAX : d.expiresOn()));
    }

    static Optional<GateProblem> fitnessProblem(TravellerFacts f, LocalDate day) {
        return switch (fitnessOn(f.decisions(), day)) {
            case FIT, NOT_REQUIRED -> Optional.empty();
            case FIT_WITH_ESCORT -> f.medicalEscort() ? Optional.empty() : Optional.of(GateProblem.of(Kind.ESCORT_MISSING));
            case UNFIT -> Optional.of(GateProblem.of(Kind.UNFIT));
            case PENDING -> Optional.of(GateProblem.of(Kind.FITNESS_PENDING));
            case NONE -> Optional.of(GateProblem.of(Kind.NO_FITNESS_DECISION, day.toString()));
        };
    }

    /** The latest decision (by when it was decided) whose validity covers the day; NONE if there is none. */
    static TravelFitness fitnessOn(List<TravellerFacts.FitnessDecision> decisions, LocalDate day) {
        return decisions.stream()
                .filter(d -> !d.validFrom().isAfter(day) && (d.validUntil() == null || !d.validUntil().isBefore(day)))
                .max(Comparator.comparing(TravellerFacts.FitnessDecision::decidedAt))
                .map(TravellerFacts.FitnessDecision::decision)
                .orElse(TravelFitness.NONE);
    }

    static TravelFitness fitnessShown(TravellerFacts f, LocalDate day) {
        return f.fitnessRequired() ? fitnessOn(f.decisions(), day) : TravelFitness.NOT_REQUIRED;
    }

    private static Optional<GateProblem> consentProblem(TravellerFacts f, LocalDate day) {
        if (f.consents().stream().anyMatch(c -> valid(c, day))
                || f.isMinorOn(day) && f.guardianConsents().stream().anyMatch(c -> valid(c, day))) {
            return Optional.empty();
        }
        if (f.consents().stream().anyMatch(c -> c.withdrawnOn() != null)) {
            return Optional.of(GateProblem.of(Kind.CONSENT_WITHDRAWN));
        }
        if (f.consents().stream().anyMatch(c -> c.expiresOn() != null && c.expiresOn().isBefore(day))) {
            return Optional.of(GateProblem.of(Kind.CONSENT_EXPIRED));
        }
        return Optional.of(GateProblem.of(Kind.NO_TRAVEL_CONSENT));
    }

    private static boolean valid(TravellerFacts.Consent c, LocalDate day) {
        return c.withdrawnOn() == null && (c.expiresOn() == null || !c.expiresOn().isBefore(day));
    }
}

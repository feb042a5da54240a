package org.itinera.core.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.itinera.core.movement.GateProblem.Kind;
import org.junit.jupiter.api.Test;

/** The manifest gate's rules, one by one, on facts written out (no database). */
class ManifestGateTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    /** A traveller who passes: adult, valid passport, fit, consent given. Tests change one thing each. */
    static final class Facts {
        LocalDate birth = LocalDate.of(1990, 1, 1);
        boolean fitnessRequired = true;
        List<TravellerFacts.Document> documents = new ArrayList<>(List.of(new TravellerFacts.Document("PASSPORT", "P1", DAY.plusYears(3))));
        List<TravellerFacts.FitnessDecision> decisions = new ArrayList<>(List.of(decision(TravelFitness.FIT, "2026-11-20T10:00")));
        List<TravellerFacts.Consent> consents = new ArrayList<>(List.of(new TravellerFacts.Consent(DAY.minusDays(10), null, null)));
        List<TravellerFacts.Consent> guardians = new ArrayList<>();
        boolean medicalEscort;
        boolean anyEscort;
        Set<SpecialServiceRequest> services = Set.of();

        TravellerFacts build() {
            return new TravellerFacts("m1", "p1", "h1", "Test Traveller", MovementStatus.FIT_TO_TRAVEL, fitnessRequired, birth,
                    documents, decisions, consents, guardians, medicalEscort, anyEscort || medicalEscort, services);
        }

        List<Kind> problems(boolean accompanied) {
            return ManifestGate.check(build(), DAY, accompanied).stream().map(GateProblem::kind).toList();
        }

        List<Kind> problems() {
            return problems(false);
        }
    }

    static TravellerFacts.FitnessDecision decision(TravelFitness d, String decidedAt) {
        return new TravellerFacts.FitnessDecision(d, DAY.minusDays(3), DAY.plusDays(3), decidedAt);
    }

    @Test
    void anAdultWithPassportFitnessAndConsentPasses() {
        assertThat(new Facts().problems()).isEmpty();
    }

    @Test
    void withoutPassportLaissezPasserOrTravelDocumentThePassengerIsBlocked() {
        Facts f = new Facts();
        f.documents = List.of(new TravellerFacts.Document("NATIONAL_ID", "ID1", null));
        assertThat(f.problems()).containsExactly(Kind.NO_TRAVEL_DOCUMENT);
        f.documents = List.of(new TravellerFacts.Document("LAISSEZ_PASSER", "LP1", DAY));
        assertThat(f.problems()).as("valid on the departure day itself").isEmpty();
    }

    @Test
    void aDocumentExpiredBeforeTheDepartureBlocksAndSaysWhenItExpired() {
        Facts f = new Facts();
        f.documents = List.of(new TravellerFacts.Document("PASSPORT", "P1", DAY.minusDays(1)));
        List<GateProblem> problems = ManifestGate.check(f.build(), DAY, false);
        assertThat(problems).extracting(GateProblem::kind).containsExactly(Kind.DOCUMENT_EXPIRED);
        assertThat(problems.getFirst().args()).containsExactly("2026-11-25");
    }

    @Test
    void theLatestFitnessDecisionValidOnTheDayDecides() {
        Facts f = new Facts();
        f.decisions.add(decision(TravelFitness.UNFIT, "2026-11-21T09:00"));
        assertThat(f.problems()).containsExactly(Kind.UNFIT);
        f.decisions.add(decision(TravelFitness.FIT, "2026-11-22T09:00"));
        assertThat(f.problems()).isEmpty();
        f.decisions.add(decision(TravelFitness.PENDING, "2026-11-23T09:00"));
        assertThat(f.problems()).containsExactly(Kind.FITNESS_PENDING);
    }

    @Test
    void aDecisionNotValidOnTheDepartureDayDoesNotCount() {
        Facts f = new Facts();
        f.decisions = List.of(new TravellerFacts.FitnessDecision(TravelFitness.FIT, DAY.minusDays(10), DAY.minusDays(1), "x"));
        assertThat(f.problems()).containsExactly(Kind.NO_FITNESS_DECISION);
        f.decisions = List.of(new TravellerFacts.FitnessDecision(TravelFitness.FIT, DAY.minusDays(1), null, "x"));
        assertThat(f.problems()).as("no end date: valid from then on").isEmpty();
    }

    @Test
    void fitWithEscortNeedsAMedicalEscortBooked() {
        Facts f = new Facts();
        f.decisions = List.of(decision(TravelFitness.FIT_WITH_ESCORT, "x"));
        assertThat(f.problems()).containsExactly(Kind.ESCORT_MISSING);
        f.anyEscort = true;
        assertThat(f.problems()).as("an operational escort is not a medical one").containsExactly(Kind.ESCORT_MISSING);
        f.medicalEscort = true;
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void whenNoFitnessDecisionIsNeededOnlyAnUnfitOneStopsThePassenger() {
        Facts f = new Facts();
        f.fitnessRequired = false;
        f.decisions = List.of();
        assertThat(f.problems()).isEmpty();
        f.decisions = List.of(decision(TravelFitness.UNFIT, "x"));
        assertThat(f.problems()).containsExactly(Kind.UNFIT);
    }

    @Test
    void consentMustBeGivenNotWithdrawnAndNotExpired() {
        Facts f = new Facts();
        f.consents = List.of();
        assertThat(f.problems()).containsExactly(Kind.NO_TRAVEL_CONSENT);
        f.consents = List.of(new TravellerFacts.Consent(DAY.minusDays(30), null, DAY.minusDays(2)));
        assertThat(f.problems()).containsExactly(Kind.CONSENT_WITHDRAWN);
        f.consents = List.of(new TravellerFacts.Consent(DAY.minusYears(2), DAY.minusDays(1), null));
        assertThat(f.problems()).containsExactly(Kind.CONSENT_EXPIRED);
    }

    @Test
    void aChildIsCoveredByTheConsentOfAParentOrGuardianButAnAdultIsNot() {
        Facts f = new Facts();
        f.consents = List.of();
        f.guardians = List.of(new TravellerFacts.Consent(DAY.minusDays(5), null, null));
        assertThat(f.problems()).containsExactly(Kind.NO_TRAVEL_CONSENT);
        f.birth = DAY.minusYears(9);
        assertThat(f.problems(true)).isEmpty();
    }

    @Test
    void aChildTravelsWithAnAdultOfTheHouseholdAnEscortOrAsAnUnaccompaniedMinor() {
        Facts f = new Facts();
        f.birth = DAY.minusYears(17).minusDays(1);
        assertThat(f.problems(false)).containsExactly(Kind.UNACCOMPANIED_MINOR);
        assertThat(f.problems(true)).isEmpty();
        f.services = Set.of(SpecialServiceRequest.UMNR);
        assertThat(f.problems(false)).isEmpty();
        f.services = Set.of();
        f.anyEscort = true;
        assertThat(f.problems(false)).isEmpty();
        f.anyEscort = false;
        f.birth = DAY.minusYears(18);
        assertThat(f.problems(false)).as("eighteen on the day of departure").isEmpty();
    }

    @Test
    void everyProblemIsListedNotJustTheFirst() {
        Facts f = new Facts();
        f.documents = List.of();
        f.decisions = List.of();
        f.consents = List.of();
        assertThat(f.problems()).containsExactly(Kind.NO_TRAVEL_DOCUMENT, Kind.NO_FITNESS_DECISION, Kind.NO_TRAVEL_CONSENT);
    }
}

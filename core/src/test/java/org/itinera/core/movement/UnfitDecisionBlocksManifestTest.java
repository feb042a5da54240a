package org.itinera.core.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.itinera.core.access.Actor;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.Sex;
import org.itinera.core.medical.EscortLevel;
import org.itinera.core.medical.Fitness;
import org.itinera.core.medical.FitnessDraft;
import org.itinera.core.movement.GateProblem.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision recorded through the medical module feeds the manifest gate: "unfit" keeps the
 * passenger off the manifest, and the movement officer learns only the decision.
 */
class UnfitDecisionBlocksManifestTest {
    @TempDir
    Path dir;
    MovementFixture fx;
    Actor medic;

    @BeforeEach
    void open() {
        fx = new MovementFixture(dir);
        medic = fx.ws.users().create(fx.admin, new NewUser("awa.sow", "Awa Sow", fx.ws.currentUser().officeId(), "en",
                Set.of(RoleGrant.everywhere(Role.MEDICAL_OFFICER))), "a long medical officer passphrase".toCharArray())
                .asActor();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void anUnfitDecisionRecordedByTheMedicalOfficerBlocksTheManifest() {
        Person p = fx.person("Ibrahima", "Bah", null, null, Sex.M, 1979);
        List<String> ids = fx.request(fx.openCase(p, null), List.of(p));
        fx.documentsReady(ids);
        Flight flight = fx.flight();
        fx.book(flight, ids);
        fx.cleared(ids);
        // the earlier "fit" is superseded by an unfit decision, with its reason sealed
        fx.ws.health().recordFitness(medic, new FitnessDraft(p.id(), null, Fitness.UNFIT, EscortLevel.NONE,
                MovementFixture.TODAY, MovementFixture.DEPARTURE.plusDays(10), "Active tuberculosis, not before treatment"));
        Manifest m = fx.ws.manifests().openFor(fx.officer, flight);
        assertThatThrownBy(() -> fx.ws.manifests().add(fx.officer, m.id(), ids, false))
                .isInstanceOfSatisfying(GateRefusedException.class, e -> {
                    assertThat(e.blocked()).singleElement().satisfies(b -> {
                        assertThat(b.problems()).extracting(GateProblem::kind).containsExactly(Kind.UNFIT);
                        assertThat(b.fitness()).isEqualTo(TravelFitness.UNFIT);
                        assertThat(b.toString()).doesNotContain("tuberculosis");
                    });
                });
        assertThat(fx.status(ids.getFirst())).isEqualTo(MovementStatus.BOOKED);
        // a later "fit" decision lets the passenger through
        fx.clock.advance(java.time.Duration.ofSeconds(1));
        fx.ws.health().recordFitness(medic, new FitnessDraft(p.id(), null, Fitness.FIT, EscortLevel.NONE,
                MovementFixture.TODAY, MovementFixture.DEPARTURE.plusDays(10), null));
        fx.ws.manifests().add(fx.officer, m.id(), ids, false);
        assertThat(fx.status(ids.getFirst())).isEqualTo(MovementStatus.ON_MANIFEST);
    }
}

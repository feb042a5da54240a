package org.itinera.core.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.MedicalDetail;
import org.itinera.core.access.Permission;
import org.itinera.core.access.PermissionTable;
import org.itinera.core.access.Role;
import org.itinera.core.access.matrix.GrantScopes;
import org.itinera.core.access.matrix.MatrixFixture;
import org.itinera.core.access.matrix.Operation;
import org.itinera.core.access.matrix.ServiceOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Medical detail never reaches a non-medical screen: every service method of the registry, called
 * as every role without {@link Permission#MEDICAL_DETAIL_READ}, returns nothing marked
 * {@link MedicalDetail} (the walk goes through records, collections, maps and optionals). Screens
 * get their data only from services, and an architecture rule keeps the marked types out of every
 * desktop package but the medical one. Issue 6 adds its methods to the registry and marks its types.
 */
class MedicalDetailRedactionTest {
    static MatrixFixture fixture;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new MatrixFixture();
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void noServiceHandsMedicalDetailToARoleWithoutTheMedicalPermission() throws Exception {
        PermissionTable table = new PermissionTable();
        List<String> leaks = new ArrayList<>();
        for (Role role : Role.values()) {
            if (table.allows(role, Permission.MEDICAL_DETAIL_READ)) {
                continue;
            }
            for (Operation op : ServiceOperations.all()) {
                Object result;
                try {
                    result = op.invocation().invoke(fixture, GrantScopes.everywhere(fixture, role));
                } catch (AccessDeniedException denied) {
                    continue;
                }
                findMedicalDetail(result, new IdentityHashMap<>()).ifPresent(p -> leaks.add(op + " as " + role + ": " + p));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theWalkFindsMedicalDetailWhereMedicalStaffMaySeeIt() throws Exception {
        Object assessments = fixture.ws.health().assessments(GrantScopes.everywhere(fixture, Role.MEDICAL_OFFICER),
                fixture.homePerson);
        assertThat(findMedicalDetail(assessments, new IdentityHashMap<>())).isPresent();
        Object fitness = fixture.ws.health().fitness(GrantScopes.everywhere(fixture, Role.CASEWORKER), fixture.homePerson);
        assertThat(fitness).isEqualTo(Optional.of(new FitnessStatus(fixture.homePerson, Fitness.FIT_WITH_ESCORT,
                Optional.of("NURSE"), java.time.LocalDate.of(2026, 11, 20), Optional.of(java.time.LocalDate.of(2026, 11, 23)))));
        assertThat(findMedicalDetail(fitness, new IdentityHashMap<>())).isEmpty();
    }

    /** The path to the first value marked medical detail in an object graph, if any. */
    static Optional<String> findMedicalDetail(Object value, Map<Object, Boolean> seen) throws Exception {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof java.time.temporal.Temporal || seen.put(value, true) != null) {
            return Optional.empty();
        }
        Class<?> type = value.getClass();
        if (type.isAnnotationPresent(MedicalDetail.class)) {
            return Optional.of(type.getSimpleName());
        }
        if (value instanceof Optional<?> o) {
            return o.isPresent() ? findMedicalDetail(o.get(), seen) : Optional.empty();
        }
        if (value instanceof Collection<?> c) {
            for (Object item : c) {
                Optional<String> found = findMedicalDetail(item, seen);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> m) {
            return findMedicalDetail(new ArrayList<>(m.values()), seen);
        }
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                Object v = rc.getAccessor().invoke(value);
                if (rc.isAnnotationPresent(MedicalDetail.class) && !isEmpty(v)) {
                    return Optional.of(type.getSimpleName() + "." + rc.getName());
                }
                Optional<String> found = findMedicalDetail(v, seen);
                if (found.isPresent()) {
                    return Optional.of(type.getSimpleName() + "." + rc.getName() + " > " + found.get());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Object v) {
        return v == null || v instanceof Optional<?> o && o.isEmpty() || v instanceof Collection<?> c && c.isEmpty();
    }

}

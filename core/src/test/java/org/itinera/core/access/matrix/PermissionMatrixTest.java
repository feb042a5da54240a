package org.itinera.core.access.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.schema.jooq.Tables.AUDIT_ENTRY;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.Actor;
import org.itinera.core.access.PermissionTable;
import org.itinera.core.access.Role;

/**
 * The permission matrix: every service method of the workspace (the {@link ServiceOperations}
 * registry), called as every role granted in every scope, is allowed exactly when the one table
 * ({@link PermissionTable}) gives the role the method's permission and the grant's scope covers
 * the record; a refusal names that permission and leaves an ACCESS_DENIED entry in the audit trail.
 */
class PermissionMatrixTest {
    static MatrixFixture fixture;
    static final PermissionTable TABLE = new PermissionTable();

    @BeforeContainer
    static void setUp() throws Exception {
        fixture = new MatrixFixture();
    }

    @AfterContainer
    static void tearDown() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Provide
    Arbitrary<Operation> operations() {
        return Arbitraries.of(ServiceOperations.all());
    }

    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 5_000)
    void everyServiceMethodAllowsExactlyWhatTheTableSays(@ForAll Role role, @ForAll GrantScope scope,
                                                          @ForAll("operations") Operation op) throws Exception {
        Actor actor = fixture.actor(role, scope);
        boolean expected = TABLE.allows(role, op.permission()) && scope.covers(op.target());
        int deniedBefore = deniedEntries();
        try {
            op.invocation().invoke(fixture, actor);
            assertThat(expected).as("%s as %s (%s) was allowed, but the table says no", op, role, scope).isTrue();
        } catch (AccessDeniedException e) {
            assertThat(expected).as("%s as %s (%s) was refused, but the table says yes", op, role, scope).isFalse();
            assertThat(e.permission()).as("%s refused for the wrong permission", op).isEqualTo(op.permission());
            assertThat(deniedEntries()).as("the refusal of %s is in the audit trail", op).isEqualTo(deniedBefore + 1);
        }
    }

    private static int deniedEntries() {
        return fixture.ws.store().read(dsl -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("ACCESS_DENIED")));
    }
}

package org.itinera.core.access.matrix;

import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;

/**
 * One service method with a sample call: which permission it must ask for, whether it acts on a
 * record of the fixture's home office (so office and country scoping apply) or on nothing
 * office-bound, and how to call it validly. Modules add theirs to {@link ServiceOperations}.
 */
public record Operation(String name, Permission permission, Target target, Invocation invocation) {
    public enum Target {
        /** A record of the home office (Dakar, Senegal): a grant elsewhere does not cover it. */
        HOME_OFFICE_RECORD,
        /** Nothing bound to an office (lists filter by scope instead; administration of the laptop). */
        NO_OFFICE
    }

    @FunctionalInterface
    public interface Invocation {
        Object invoke(MatrixFixture f, Actor actor) throws Exception;
    }

    /** {@code name} is "Service.method", as the completeness check finds it by reflection. */
    public static Operation home(String name, Permission p, Invocation i) {
        return new Operation(name, p, Target.HOME_OFFICE_RECORD, i);
    }

    public static Operation global(String name, Permission p, Invocation i) {
        return new Operation(name, p, Target.NO_OFFICE, i);
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.itinera.core.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides, from the permission table and the actor's role grants, whether an actor may act on a
 * record of a given office. A refusal is reported to the {@link DenialRecorder} (the audit trail)
 * before the service throws.
 */
public final class AccessPolicy {
    private final PermissionTable table;
    private final OfficeDirectory offices;
    private final DenialRecorder denials;

    /** Told about every refused request, so denied attempts are attributable too. */
    @FunctionalInterface
    public interface DenialRecorder {
        void denied(Actor actor, Permission permission, String recordOfficeId);

        DenialRecorder NONE = (a, p, o) -> { };
    }

    public AccessPolicy(PermissionTable table) {
        this(table, OfficeDirectory.NONE, DenialRecorder.NONE);
    }

    public AccessPolicy(PermissionTable table, OfficeDirectory offices, DenialRecorder denials) {
        this.table = table;
        this.offices = offices;
        this.denials = denials;
    }

    public boolean allows(Actor actor, Permission permission, String recordOfficeId) {
        return actor.grants().stream()
                .anyMatch(g -> table.allows(g.role(), permission) && g.covers(recordOfficeId, offices));
    }

    /** Whether the actor holds the permission anywhere at all (for showing or hiding a screen). */
    public boolean allowsSomewhere(Actor actor, Permission permission) {
        return allows(actor, permission, null);
    }

    /**
     * Whether the actor holds the permission over the whole scope of a grant: everywhere needs an
     * everywhere grant, a country needs that country (or everywhere), an office needs that office.
     */
    public boolean coversScope(Actor actor, Permission permission, RoleGrant target) {
        return actor.grants().stream().filter(g -> table.allows(g.role(), permission)).anyMatch(g -> {
            if (g.isEverywhere()) {
                return true;
            }
            if (target.officeId().isPresent()) {
                return g.covers(target.officeId().get(), offices);
            }
            return target.country().isPresent() && target.country().equals(g.country());
        });
    }

    public void require(Actor actor, Permission permission, String recordOfficeId) {
        if (!allows(actor, permission, recordOfficeId)) {
            denials.denied(actor, permission, recordOfficeId);
            throw new AccessDeniedException(permission);
        }
    }

    public void require(Actor actor, Permission permission) {
        require(actor, permission, null);
    }

    /**
     * The offices whose records the actor may see with this permission: lists and searches filter
     * by it. Call {@link #require(Actor, Permission)} first.
     */
    public OfficeScope scope(Actor actor, Permission permission) {
        Set<String> visible = new HashSet<>();
        for (RoleGrant g : actor.grants()) {
            if (!table.allows(g.role(), permission)) {
                continue;
            }
            if (g.isEverywhere()) {
                return OfficeScope.ALL;
            }
            g.officeId().ifPresent(visible::add);
            g.country().ifPresent(c -> visible.addAll(offices.officesIn(c)));
        }
        return new OfficeScope(false, visible);
    }

    /** Offices whose records the actor may act on with a permission, or null for every office. */
    public java.util.Collection<String> offices(Actor actor, Permission permission) {
        OfficeScope s = scope(actor, permission);
        return s.all() ? null : s.offices();
    }

    public PermissionTable table() {
        return table;
    }

    /** Every office, or only these. */
    public record OfficeScope(boolean all, Set<String> offices) {
        public static final OfficeScope ALL = new OfficeScope(true, Set.of());

        public OfficeScope {
            offices = Set.copyOf(offices);
        }

        /** For repositories: null means every office. */
        public Collection<String> filter() {
            return all ? null : offices;
        }
    }
}

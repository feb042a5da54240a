package org.itinera.core.access;

/** Decides, from the permission table, whether an actor may act on a record of a given office. */
public final class AccessPolicy {
    private final PermissionTable table;

    public AccessPolicy(PermissionTable table) {
        this.table = table;
    }

    public boolean allows(Actor actor, Permission permission, String recordOfficeId) {
        return actor.grants().stream()
                .anyMatch(g -> table.allows(g.role(), permission) && g.covers(recordOfficeId));
    }

    public void require(Actor actor, Permission permission, String recordOfficeId) {
        if (!allows(actor, permission, recordOfficeId)) {
            throw new AccessDeniedException(permission);
        }
    }

    public void require(Actor actor, Permission permission) {
        require(actor, permission, null);
    }

    /** Offices whose records the actor may act on with a permission, or null for every office. */
    public java.util.Collection<String> offices(Actor actor, Permission permission) {
        if (actor.grants().stream().anyMatch(g -> g.officeId().isEmpty() && table.allows(g.role(), permission))) {
            return null;
        }
        return actor.grants().stream().filter(g -> table.allows(g.role(), permission))
                .flatMap(g -> g.officeId().stream()).toList();
    }

    public PermissionTable table() {
        return table;
    }
}

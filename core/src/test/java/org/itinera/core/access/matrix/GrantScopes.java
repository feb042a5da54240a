package org.itinera.core.access.matrix;

import org.itinera.core.access.Actor;
import org.itinera.core.access.Role;

/** For tests outside this package: the fixture's user holding one role everywhere. */
public final class GrantScopes {
    private GrantScopes() {
    }

    public static Actor everywhere(MatrixFixture f, Role role) {
        return f.actor(role, GrantScope.EVERYWHERE);
    }
}

package org.itinera.core.access.matrix;

import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;

/** Where the acting user holds their single role, relative to the fixture's home office. */
public enum GrantScope {
    EVERYWHERE, HOME_OFFICE, HOME_COUNTRY, OTHER_OFFICE, OTHER_COUNTRY;

    RoleGrant grant(Role role, MatrixFixture f) {
        return switch (this) {
            case EVERYWHERE -> RoleGrant.everywhere(role);
            case HOME_OFFICE -> RoleGrant.inOffice(role, f.homeOffice);
            case HOME_COUNTRY -> RoleGrant.inCountry(role, MatrixFixture.HOME_COUNTRY);
            case OTHER_OFFICE -> RoleGrant.inOffice(role, f.otherOffice);
            case OTHER_COUNTRY -> RoleGrant.inCountry(role, MatrixFixture.OTHER_COUNTRY);
        };
    }

    boolean covers(Operation.Target target) {
        return target == Operation.Target.NO_OFFICE || this == EVERYWHERE || this == HOME_OFFICE || this == HOME_COUNTRY;
    }
}

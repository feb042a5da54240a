package org.itinera.core.access.matrix;

import static org.itinera.core.access.matrix.Operation.global;
import static org.itinera.core.access.matrix.Operation.home;

import java.util.List;
import java.util.Set;
import org.itinera.core.access.NewUser;
import org.itinera.core.access.Permission;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;

/** Accounts, offices, laptop settings and recovery enrolment. */
final class AccessOperations {
    private AccessOperations() {
    }

    static final List<Operation> LIST = List.of(
            home("UserService.create", Permission.USER_ADMIN,
                    (f, a) -> {
                        int n = f.next();
                        return f.ws.users().create(a, new NewUser("new" + n, "New " + n, f.homeOffice, "fr",
                                Set.of(RoleGrant.inOffice(Role.CASEWORKER, f.homeOffice))), MatrixFixture.PASSPHRASE.toCharArray());
                    }),
            global("UserService.all", Permission.USER_ADMIN, (f, a) -> f.ws.users().all(a)),
            global("UserService.changeOwnPassphrase", Permission.OWN_ACCOUNT,
                    (f, a) -> {
                        f.ws.users().changeOwnPassphrase(a, MatrixFixture.PASSPHRASE.toCharArray(),
                                MatrixFixture.PASSPHRASE.toCharArray());
                        return null;
                    }),
            home("UserService.resetPassphrase", Permission.USER_ADMIN,
                    (f, a) -> {
                        f.ws.users().resetPassphrase(a, f.newUser(), "an administrator chose this one".toCharArray());
                        return null;
                    }),
            home("UserService.setGrants", Permission.USER_ADMIN,
                    (f, a) -> f.ws.users().setGrants(a, f.newUser(),
                            Set.of(RoleGrant.inOffice(Role.MOVEMENT_OFFICER, f.homeOffice)))),
            home("UserService.disable", Permission.USER_ADMIN,
                    (f, a) -> {
                        f.ws.users().disable(a, f.newUser());
                        return null;
                    }),
            home("UserService.enable", Permission.USER_ADMIN,
                    (f, a) -> {
                        String id = f.newUser();
                        f.ws.users().disable(f.ws.actor(), id);
                        f.ws.users().enable(a, id, "back again with a new passphrase".toCharArray());
                        return null;
                    }),
            global("OfficeService.create", Permission.USER_ADMIN,
                    (f, a) -> f.ws.offices().create(a, f.letters(), "Office", "SEN")),
            global("SettingsService.setIdleLockMinutes", Permission.DEVICE_ADMIN,
                    (f, a) -> {
                        f.ws.settings().setIdleLockMinutes(a, 15);
                        return null;
                    }),
            global("RecoveryService.enrol", Permission.DEVICE_ADMIN,
                    (f, a) -> f.ws.recovery().enrol(a, f.hub.signingPublicKey(), f.hub.escrowPublicKey())),
            global("RecoveryService.status", Permission.DEVICE_ADMIN, (f, a) -> f.ws.recovery().status(a)));
}

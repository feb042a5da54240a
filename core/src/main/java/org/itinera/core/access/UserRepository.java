package org.itinera.core.access;

import static org.itinera.schema.jooq.Tables.APP_USER;
import static org.itinera.schema.jooq.Tables.USER_ROLE;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.AppUserRecord;
import org.itinera.schema.jooq.tables.records.UserRoleRecord;
import org.jooq.DSLContext;

/** Local user accounts and their role grants. */
public final class UserRepository {

    public void insert(WriteTx tx, String id, NewUser u) {
        AppUserRecord r = tx.newRecord(APP_USER);
        r.setId(id);
        r.setUsername(normalise(u.username()));
        r.setDisplayName(u.displayName().strip());
        r.setOfficeId(u.officeId());
        r.setLocale(u.locale());
        r.setStatus("ACTIVE");
        tx.insert(r);
        insertGrants(tx, id, u.grants());
    }

    private static void insertGrants(WriteTx tx, String userId, Set<RoleGrant> grants) {
        for (RoleGrant g : grants) {
            UserRoleRecord rr = tx.newRecord(USER_ROLE);
            rr.setId(tx.ids().next());
            rr.setUserId(userId);
            rr.setRole(g.role().name());
            rr.setOfficeId(g.officeId().orElse(null));
            rr.setCountry(g.country().orElse(null));
            tx.insert(rr);
        }
    }

    /** Replaces a user's grants: the old ones become tombstones, so the change merges like any other. */
    public void replaceGrants(WriteTx tx, String userId, Set<RoleGrant> grants) {
        for (UserRoleRecord r : tx.dsl().selectFrom(USER_ROLE)
                .where(USER_ROLE.USER_ID.eq(userId).and(USER_ROLE.DELETED.isFalse())).fetch()) {
            tx.delete(r);
        }
        insertGrants(tx, userId, grants);
    }

    public boolean setActive(WriteTx tx, String userId, boolean active) {
        AppUserRecord r = tx.dsl().selectFrom(APP_USER).where(APP_USER.ID.eq(userId)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no user " + userId);
        }
        r.setStatus(active ? "ACTIVE" : "DISABLED");
        return tx.update(r);
    }

    public Optional<UserAccount> byUsername(DSLContext dsl, String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(normalise(username)).and(APP_USER.DELETED.isFalse()))
                .fetchOptional().map(r -> toAccount(dsl, r));
    }

    public Optional<UserAccount> byId(DSLContext dsl, String id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id).and(APP_USER.DELETED.isFalse()))
                .fetchOptional().map(r -> toAccount(dsl, r));
    }

    public boolean exists(DSLContext dsl, String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(normalise(username)));
    }

    public List<UserAccount> all(DSLContext dsl) {
        return dsl.selectFrom(APP_USER).where(APP_USER.DELETED.isFalse()).orderBy(APP_USER.USERNAME)
                .fetch(r -> toAccount(dsl, r));
    }

    private static UserAccount toAccount(DSLContext dsl, AppUserRecord r) {
        Set<RoleGrant> grants = new HashSet<>();
        dsl.selectFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(r.getId()).and(USER_ROLE.DELETED.isFalse()))
                .forEach(g -> grants.add(new RoleGrant(Role.valueOf(g.getRole()), Optional.ofNullable(g.getOfficeId()),
                        Optional.ofNullable(g.getCountry()))));
        return new UserAccount(r.getId(), r.getUsername(), r.getDisplayName(), r.getOfficeId(), r.getLocale(),
                "ACTIVE".equals(r.getStatus()), grants);
    }

    public static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}

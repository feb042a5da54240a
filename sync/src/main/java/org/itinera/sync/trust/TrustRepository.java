package org.itinera.sync.trust;

import static org.itinera.schema.jooq.Tables.APP_SETTING;
import static org.itinera.schema.jooq.Tables.DEVICE_SECRET;
import static org.itinera.schema.jooq.Tables.NODE;
import static org.itinera.schema.jooq.Tables.TRUST_BUNDLE;

import java.util.List;
import java.util.Optional;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.NodeRecord;
import org.jooq.DSLContext;

/**
 * Local, unsynced trust state: sealed device secrets ({@code device_secret}), the pinned root key
 * and pending key rotation ({@code app_setting}), accepted trust bundles ({@code trust_bundle}),
 * and this node's identity row. Writes happen inside the store's transactions.
 */
public final class TrustRepository {
    static final String ROOT_KEY = "trust.root_key";
    static final String ROTATION = "trust.rotation";
    static final String ROTATION_SIG = "trust.rotation.minisig";

    /** This node's identity. */
    public record SelfNode(String nodeId, String name, NodeKind kind, int incarnation) {
    }

    public record StoredBundle(long serial, String content, String signature) {
    }

    public record Secret(String name, byte[] value) {
    }

    SelfNode self(DSLContext dsl) {
        NodeRecord r = dsl.selectFrom(NODE).where(NODE.IS_SELF.isTrue()).fetchOne();
        if (r == null) {
            throw new IllegalStateException("database has no node identity");
        }
        return new SelfNode(r.getNodeId(), r.getName(), NodeKind.valueOf(r.getKind()), r.getIncarnation());
    }

    void setSelfFingerprint(WriteTx tx, String fingerprint) {
        tx.dsl().update(NODE).set(NODE.DEVICE_KEY_FP, fingerprint).where(NODE.IS_SELF.isTrue()).execute();
    }

    List<Secret> secrets(DSLContext dsl, String prefix) {
        return dsl.select(DEVICE_SECRET.NAME, DEVICE_SECRET.VALUE).from(DEVICE_SECRET)
                .where(DEVICE_SECRET.NAME.startsWith(prefix))
                .fetch(r -> new Secret(r.value1(), r.value2()));
    }

    void insertSecret(WriteTx tx, String name, String createdAt, byte[] value) {
        tx.dsl().insertInto(DEVICE_SECRET).set(DEVICE_SECRET.NAME, name).set(DEVICE_SECRET.CREATED_AT, createdAt)
                .set(DEVICE_SECRET.VALUE, value).execute();
    }

    Optional<String> setting(DSLContext dsl, String key) {
        return dsl.select(APP_SETTING.VALUE).from(APP_SETTING).where(APP_SETTING.KEY.eq(key)).fetchOptional(APP_SETTING.VALUE);
    }

    void putSetting(WriteTx tx, String key, String value) {
        tx.dsl().insertInto(APP_SETTING).set(APP_SETTING.KEY, key).set(APP_SETTING.VALUE, value)
                .onConflict(APP_SETTING.KEY).doUpdate().set(APP_SETTING.VALUE, value).execute();
    }

    Optional<StoredBundle> newestBundle(DSLContext dsl) {
        return dsl.select(TRUST_BUNDLE.SERIAL, TRUST_BUNDLE.CONTENT, TRUST_BUNDLE.SIGNATURE).from(TRUST_BUNDLE)
                .orderBy(TRUST_BUNDLE.SERIAL.desc()).limit(1)
                .fetchOptional(r -> new StoredBundle(r.value1(), r.value2(), r.value3()));
    }

    Optional<String> setting(WriteTx tx, String key) {
        return setting(tx.dsl(), key);
    }

    Optional<StoredBundle> newestBundle(WriteTx tx) {
        return newestBundle(tx.dsl());
    }

    List<Secret> secrets(WriteTx tx, String prefix) {
        return secrets(tx.dsl(), prefix);
    }

    /** Everything needed to unseal this device's keys, read in one go. */
    record DeviceSecrets(SelfNode self, List<Secret> signing, List<Secret> age) {
    }

    DeviceSecrets deviceSecrets(DSLContext dsl, String signPrefix, String agePrefix) {
        return new DeviceSecrets(self(dsl), secrets(dsl, signPrefix), secrets(dsl, agePrefix));
    }

    void insertBundle(WriteTx tx, long serial, String receivedAt, String content, String signature) {
        tx.dsl().insertInto(TRUST_BUNDLE).set(TRUST_BUNDLE.SERIAL, serial).set(TRUST_BUNDLE.RECEIVED_AT, receivedAt)
                .set(TRUST_BUNDLE.CONTENT, content).set(TRUST_BUNDLE.SIGNATURE, signature).execute();
    }
}

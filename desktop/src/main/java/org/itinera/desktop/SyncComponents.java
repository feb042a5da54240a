package org.itinera.desktop;

import java.security.SecureRandom;
import org.itinera.core.db.DataDirectory;
import org.itinera.core.keys.Argon2Parameters;
import org.itinera.core.workspace.Workspace;
import org.itinera.sync.crypto.SecretSeal;
import org.itinera.sync.exchange.ConflictService;
import org.itinera.sync.exchange.ExchangeRepository;
import org.itinera.sync.exchange.ExportService;
import org.itinera.sync.exchange.ImportService;
import org.itinera.sync.exchange.PeerService;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.pkg.PackageReader;
import org.itinera.sync.pkg.PackageWriter;
import org.itinera.sync.recovery.RecoveryExchangeService;
import org.itinera.sync.trust.DeviceKeyService;
import org.itinera.sync.trust.TrustRepository;
import org.itinera.sync.trust.TrustService;

/**
 * The sync pieces of one signed-in workspace, built with plain constructors (services may only be
 * constructed in a composition root). Building them makes this device's keys if it has none yet,
 * so every installation has its keys from its first run on.
 */
public record SyncComponents(DeviceKeyService deviceKeys, TrustService trust, PackageWriter writer, PackageReader reader,
                             ExportService export, ImportService imports, ConflictService conflicts, PeerService peers,
                             RecoveryExchangeService recovery) {

    public static SyncComponents of(Workspace ws, DataDirectory dir) {
        SecureRandom random = new SecureRandom();
        TrustRepository repository = new TrustRepository();
        byte[] sealKey = ws.sealingKey(DeviceKeyService.SEAL_PURPOSE);
        SecretSeal seal = new SecretSeal(sealKey, random);
        java.util.Arrays.fill(sealKey, (byte) 0);
        DeviceKeyService deviceKeys = new DeviceKeyService(ws.store(), ws.access(), repository, seal, ws.clock(), random);
        deviceKeys.ensureKeys();
        return of(ws, dir, deviceKeys, repository, PackageLimits.DEFAULT, random);
    }

    private static SyncComponents of(Workspace ws, DataDirectory dir, DeviceKeyService deviceKeys,
                                     TrustRepository repository, PackageLimits limits, SecureRandom random) {
        TrustService trust = new TrustService(ws.store(), ws.access(), repository, ws.clock());
        PackageWriter writer = new PackageWriter(limits);
        PackageReader reader = new PackageReader(dir.root().resolve("sync"), limits, ws.clock(), random);
        ExchangeRepository exchange = new ExchangeRepository();
        RecoveryExchangeService recovery = new RecoveryExchangeService(ws.store(),
                new org.itinera.sync.recovery.RecoveryMailRepository(), ws.access(), ws.recovery(), deviceKeys,
                trust, Argon2Parameters.DEFAULT, random, ws.clock());
        return new SyncComponents(deviceKeys, trust, writer, reader,
                new ExportService(ws.store(), ws.access(), exchange, deviceKeys, trust, writer, ws.clock(),
                        recovery::outgoing),
                new ImportService(ws.store(), ws.access(), exchange, deviceKeys, trust, reader, ws.clock(), recovery),
                new ConflictService(ws.store(), ws.access(), exchange),
                new PeerService(ws.store(), ws.access(), exchange, trust), recovery);
    }
}

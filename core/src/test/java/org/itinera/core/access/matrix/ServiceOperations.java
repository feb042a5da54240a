package org.itinera.core.access.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.itinera.core.access.Permission;
import org.itinera.core.task.ProgressSink;

/**
 * Every permission-checked service method of the {@link org.itinera.core.workspace.Workspace}, with a
 * sample call. A module adds its own list here (one line) and its methods are then called as every
 * role in every scope by {@link PermissionMatrixTest}; the completeness check fails for a public
 * service method that is in neither this registry nor {@link #UNCHECKED}.
 */
public final class ServiceOperations {
    private ServiceOperations() {
    }

    public static List<Operation> all() {
        List<Operation> all = new ArrayList<>();
        Stream.of(CasefileOperations.LIST, AccessOperations.LIST, AuditOperations.LIST, ConsentOperations.LIST,
                MedicalOperations.LIST, MovementOperations.LIST,
                ProtectionOperations.LIST, AssistanceOperations.LIST,
                List.of(
                        Operation.global("DemoDataGenerator.generate", Permission.DEMO_DATA_GENERATE,
                                (f, a) -> f.ws.demoData(f.next()).generate(a, 1, ProgressSink.NONE))))
                .forEach(all::addAll);
        return List.copyOf(all);
    }

    /** Public service methods that deliberately check no permission, and why. */
    public static final Map<String, String> UNCHECKED = Map.ofEntries(
            Map.entry("OfficeService.all", "office names are not personal data; every screen needs them"),
            Map.entry("OfficeService.find", "as above"),
            Map.entry("UserService.activeAccount", "used by sign-in, before any actor exists"),
            Map.entry("UserService.createFirstAdmin", "first run only: refuses any actor but the system, and any second call"),
            Map.entry("DemoDataGenerator.ensureOffices", "creates missing offices through OfficeService.create, which checks"),
            Map.entry("PersonService.validate", "checks input, reads nothing"),
            Map.entry("AuditService.head", "sequence number and hash only; every sync export needs it"),
            Map.entry("ConsentService.partners", "partner organisations are not personal data"),
            Map.entry("SettingsService.idleLockMinutes", "every session needs its lock delay"),
            Map.entry("RecoveryService.receiveToken", "a token opens nothing without its code; recorded in the audit trail"),
            Map.entry("RecoveryService.escrow", "sealed to the hub; sync exports carry it"),
            Map.entry("ManifestService.preparePrinting", "loads fonts for printing; reads and writes no data"),
            Map.entry("HealthService.canOpenMedicalDetail", "says whether this session holds the medical key; reads no data"),
            Map.entry("RecoveryService.recordReset", "called by the installation after the token and code proved who it is"));
}

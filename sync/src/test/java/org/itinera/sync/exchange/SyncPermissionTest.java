package org.itinera.sync.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.itinera.core.access.AccessDeniedException;
import org.itinera.core.access.Actor;
import org.itinera.core.access.Permission;
import org.itinera.core.access.PermissionTable;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.task.ProgressSink;
import org.itinera.sync.pkg.PackageLimits;
import org.itinera.sync.testing.SyncFixtures;
import org.itinera.sync.trust.NodeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync services' permission matrix (core's matrix cannot see the sync module): every public
 * method of every sync service, called as every role, is allowed exactly when the permission
 * table gives that role the method's permission.
 */
class SyncPermissionTest {
    @TempDir
    Path tmp;
    SyncNode node;
    SyncNode peer;

    record Op(Permission permission, BiConsumer<SyncNode, Actor> call) {
    }

    Map<String, Op> operations() {
        return Map.of(
                "ExportService.export", new Op(Permission.SYNC_EXCHANGE,
                        (n, a) -> n.export.export(a, peer.name, tmp.resolve("out"), ProgressSink.NONE)),
                "ExportService.exportablePeers", new Op(Permission.SYNC_EXCHANGE, (n, a) -> n.export.exportablePeers(a)),
                "ImportService.importFiles", new Op(Permission.SYNC_EXCHANGE,
                        (n, a) -> n.imports.importFiles(a, List.of(), ProgressSink.NONE)),
                "ConflictService.open", new Op(Permission.SYNC_CONFLICT_RESOLVE, (n, a) -> n.conflicts.open(a)),
                "ConflictService.openCount", new Op(Permission.SYNC_EXCHANGE, (n, a) -> n.conflicts.openCount(a)),
                "ConflictService.resolve", new Op(Permission.SYNC_CONFLICT_RESOLVE, (n, a) -> {
                    try {
                        n.conflicts.resolve(a, "no-such-conflict", 0);
                    } catch (org.itinera.sync.SyncException e) {
                        // allowed, and there was nothing to resolve
                    }
                }),
                "PeerService.peers", new Op(Permission.SYNC_EXCHANGE, (n, a) -> n.peers.peers(a)));
    }

    @BeforeEach
    void setUp() {
        node = SyncNode.create("Laptop", "DKA", tmp.resolve("a"), Clock.systemUTC(), PackageLimits.DEFAULT);
        peer = SyncNode.create("Hub", "HUB", tmp.resolve("h"), Clock.systemUTC(), PackageLimits.DEFAULT);
        SyncFixtures.Root root = SyncFixtures.Root.create();
        node.trustRoot(root);
        node.trust.importBundle(node.ws.actor(), SyncNode.bundle(root, 1, List.of(node.nodeKey(NodeKind.LAPTOP),
                peer.nodeKey(NodeKind.HUB)), List.of()));
    }

    @AfterEach
    void tearDown() {
        node.close();
        peer.close();
    }

    @Test
    void everySyncServiceMethodAllowsExactlyWhatThePermissionTableSays() {
        PermissionTable table = new PermissionTable();
        for (Role role : Role.values()) {
            Actor actor = new Actor("u-" + role, "user-" + role, "User " + role, Optional.empty(),
                    Set.of(RoleGrant.everywhere(role)));
            operations().forEach((name, op) -> {
                if (table.allows(role, op.permission())) {
                    op.call().accept(node, actor);
                } else {
                    assertThatThrownBy(() -> op.call().accept(node, actor)).as(name + " as " + role)
                            .isInstanceOf(AccessDeniedException.class);
                }
            });
        }
    }

    @Test
    void everyPublicMethodOfTheSyncServicesIsInTheMatrix() {
        Set<String> methods = new TreeSet<>();
        for (Class<?> s : List.of(ExportService.class, ImportService.class, ConflictService.class, PeerService.class)) {
            for (Method m : s.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                    methods.add(s.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(methods).isEqualTo(new TreeSet<>(operations().keySet()));
    }
}

package org.itinera.core.access.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.itinera.core.demo.DemoDataGenerator;
import org.itinera.core.workspace.Workspace;
import org.junit.jupiter.api.Test;

/**
 * The permission matrix only proves what its registry lists: every public method of every service
 * the workspace hands out must be in {@link ServiceOperations} (called as every role) or in its
 * short list of methods that deliberately check nothing, with the reason.
 */
class ServiceRegistryCompletenessTest {

    @Test
    void everyPublicServiceMethodIsInTheMatrixOrDeclaredUnchecked() {
        Set<String> registered = ServiceOperations.all().stream().map(Operation::name).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (String m : serviceMethods()) {
            if (!registered.contains(m) && !ServiceOperations.UNCHECKED.containsKey(m)) {
                missing.add(m);
            }
        }
        assertThat(missing).as("service methods the permission matrix does not call").isEmpty();
    }

    @Test
    void theRegistryNamesOnlyMethodsThatExist() {
        Set<String> existing = serviceMethods();
        Set<String> stale = new TreeSet<>();
        ServiceOperations.all().forEach(o -> {
            if (!existing.contains(o.name())) {
                stale.add(o.name());
            }
        });
        ServiceOperations.UNCHECKED.keySet().stream().filter(k -> !existing.contains(k)).forEach(stale::add);
        assertThat(stale).isEmpty();
    }

    static Set<String> serviceMethods() {
        Set<Class<?>> services = new java.util.HashSet<>();
        for (Method m : Workspace.class.getMethods()) {
            Class<?> t = m.getReturnType();
            if (t.getSimpleName().endsWith("Service") || t == DemoDataGenerator.class) {
                services.add(t);
            }
        }
        Set<String> out = new TreeSet<>();
        for (Class<?> s : services) {
            for (Method m : s.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                    out.add(s.getSimpleName() + "." + m.getName());
                }
            }
        }
        return out;
    }
}

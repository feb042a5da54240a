package org.itinera.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {
    @Test
    void theLatestVersionConstantIsTheNewestMigrationShipped() throws IOException {
        Path dir = Path.of("src/main/resources/db/migration");
        java.util.List<Integer> versions;
        try (Stream<Path> files = Files.list(dir)) {
            versions = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
        }
        assertThat(SchemaVersion.ALL).isEqualTo(versions);
        assertThat(SchemaVersion.LATEST).isEqualTo(versions.getLast());
    }
}

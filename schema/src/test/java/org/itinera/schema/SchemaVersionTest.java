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
        int newest;
        try (Stream<Path> files = Files.list(dir)) {
            newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
        }
        assertThat(SchemaVersion.LATEST).isEqualTo(newest);
    }
}

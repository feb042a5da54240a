package org.itinera.sync.pkg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Regenerates the fuzz seed corpus when run with -Dfuzz.writeSeeds=DIR; skipped otherwise. */
class FuzzSeedWriterTest {
    @Test
    void writeSeeds() throws Exception {
        String dir = System.getProperty("fuzz.writeSeeds");
        assumeTrue(dir != null, "set -Dfuzz.writeSeeds to regenerate the corpus");
        PackageReaderFuzzTest.writeSeeds(Path.of(dir));
    }
}

package ablation.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A released migration never changes: every database that applied it would fail Flyway's validation
 * (docs/ARCHITECTURE.md, Storage). A schema change is a new {@code V<n>__*.sql}; once it is released,
 * add its line to {@code db/released-migrations.sha256} ({@code sha256sum V<n>__*.sql}).
 */
class ReleasedMigrationsTest {
    private static final String RECORD = "/db/released-migrations.sha256";

    @Test
    void releasedMigrationsAreUnchanged() throws Exception {
        Map<String, String> released = released();
        Map<String, String> present = present();
        assertFalse(released.isEmpty(), RECORD + " lists no migration");
        for (Map.Entry<String, String> migration : released.entrySet()) {
            assertTrue(
                    present.containsKey(migration.getKey()),
                    "released migration " + migration.getKey() + " was deleted or renamed");
            assertEquals(
                    migration.getValue(),
                    present.get(migration.getKey()),
                    migration.getKey()
                            + " changed after its release: undo the edit and put the change in a new migration");
        }
    }

    /** File name -> SHA-256 as recorded, in the format of {@code sha256sum}: {@code <hex>  <name>}. */
    private static Map<String, String> released() throws IOException {
        Map<String, String> released = new TreeMap<>();
        try (InputStream in = ReleasedMigrationsTest.class.getResourceAsStream(RECORD)) {
            assertTrue(in != null, RECORD + " is missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                String[] fields = line.trim().split("\\s+\\*?", 2);
                released.put(fields[1], fields[0]);
            }
        }
        return released;
    }

    /** Every migration on the class path (the one Flyway reads), file name -> SHA-256 of its bytes. */
    private static Map<String, String> present() throws IOException, URISyntaxException, NoSuchAlgorithmException {
        Path folder = Path.of(TrackingStore.class.getResource("/db/migration").toURI());
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                present.put(file.getFileName().toString(), HexFormat.of().formatHex(digest));
            }
        }
        return present;
    }
}

package ablation.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.storage.metric.MetricWriter;
import ablation.storage.run.NewRun;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's files: private to their owner, never written by a reader, and a damaged one named as such. */
class StoreFilesTest {
    @TempDir
    Path dir;

    /** A closed store with one study, one run and {@code points} loss points. */
    static Path storeWithPoints(Path database, int points) {
        try (TrackingStore store = TrackingStore.open(StoreLocation.h2FileUrl(database))) {
            long study = store.studies().create("s", null).id();
            long run = store.runs()
                    .create(study, NewRun.fromConfig("r", "{\"train\": {\"seed\": 1}}", "train.seed"))
                    .id();
            try (MetricWriter writer = store.metrics().writer(run)) {
                for (int step = 1; step <= points; step++) writer.log("loss", step, 1.0 / step);
            }
        }
        return database.resolveSibling(database.getFileName() + ".mv.db");
    }

    /** Overwrites the file after its two 4 KiB headers with noise, up to its last 4 KiB, as a disk or a killed copy might. */
    static void damageMiddle(Path file) throws IOException {
        long size = Files.size(file);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[(int) (size - 3 * 4096)];
            new Random(7).nextBytes(noise);
            raw.seek(2 * 4096);
            raw.write(noise);
        }
    }

    @Test
    void aNewStoreIsPrivateToItsOwner() throws IOException {
        Path database = dir.resolve("a/b/store");
        TrackingStore.open(StoreLocation.h2FileUrl(database)).close();
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/store.mv.db"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))));
        // an existing directory keeps its mode: it is the user's
        assertEquals(
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void readingNeverCreatesAStore() {
        StoreException e = assertThrows(
                StoreException.class,
                () -> TrackingStore.openReadOnly(StoreLocation.h2FileUrl(dir.resolve("none")), null, null));
        assertTrue(e.getMessage().contains("no store at"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("none.mv.db")));
    }

    @Test
    void aReadOnlyOpenReadsAndLeavesTheFileAsItWas() throws IOException {
        Path file = storeWithPoints(dir.resolve("ok"), 100);
        byte[] before = Files.readAllBytes(file);
        try (TrackingStore store = TrackingStore.openReadOnly(StoreLocation.h2FileUrl(dir.resolve("ok")), null, null)) {
            assertEquals("s", store.studies().require("s").name());
            assertTrue(store.displayUrl().contains("ACCESS_MODE_DATA=r"), store.displayUrl());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aDamagedStoreIsNamedDamagedAndAReaderDoesNotWriteIt() throws IOException {
        Path file = storeWithPoints(dir.resolve("bad"), 60_000);
        damageMiddle(file);
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> {
            try (TrackingStore store =
                    TrackingStore.openReadOnly(StoreLocation.h2FileUrl(dir.resolve("bad")), null, null)) {
                long run = store.runs()
                        .list(store.studies().require("s").id())
                        .get(0)
                        .id();
                store.metrics().forEachPoint(run, point -> {});
            }
        });
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the reader left the file as it was");
    }

    @Test
    void csvFilesAppearAllOrNone() throws IOException {
        storeWithPoints(dir.resolve("csv-store"), 10);
        Path out = Files.createDirectories(dir.resolve("csv"));
        Files.createFile(Files.createDirectory(out.resolve("metrics.csv.partial"))
                .resolve("x")); // the third file cannot be written
        try (TrackingStore store =
                TrackingStore.openReadOnly(StoreLocation.h2FileUrl(dir.resolve("csv-store")), null, null)) {
            assertThrows(StoreException.class, () -> ablation.storage.transfer.CsvExport.write(store, "s", out));
            try (var files = Files.list(out)) {
                assertEquals(
                        java.util.List.of("metrics.csv.partial"),
                        files.map(f -> f.getFileName().toString()).toList(),
                        "no CSV (complete or truncated) and no other partial file is left");
            }
            Files.delete(out.resolve("metrics.csv.partial/x"));
            Files.delete(out.resolve("metrics.csv.partial"));
            assertEquals(
                    5,
                    ablation.storage.transfer.CsvExport.write(store, "s", out).size());
            assertEquals(11, Files.readAllLines(out.resolve("metrics.csv")).size());
        }
    }

    @Test
    void aTildeMeansUserHomeInPathsAndUrlsAlike() {
        String home = System.getProperty("user.home");
        assertEquals(
                StoreLocation.h2FileUrl(Path.of(home, "stores", "w")), StoreLocation.toJdbcUrl("~/stores/w.mv.db"));
        assertEquals(
                Optional.of(Path.of(home, "stores", "w")),
                H2Files.database("jdbc:h2:file:~/stores/w;AUTO_SERVER=TRUE"));
        assertEquals(Optional.of(Path.of(home, "stores", "w")), H2Files.database("jdbc:h2:~/stores/w"));
        assertEquals(Optional.empty(), H2Files.database("jdbc:h2:tcp://127.0.0.1:9092/w"));
        assertEquals(Optional.empty(), H2Files.database("jdbc:h2:mem:w"));
        assertEquals(Optional.empty(), H2Files.database("jdbc:h2:implicitly-relative"), "H2 itself refuses it");
        assertEquals(Optional.of(Path.of("rel").toAbsolutePath()), H2Files.database("jdbc:h2:./rel"));
    }
}

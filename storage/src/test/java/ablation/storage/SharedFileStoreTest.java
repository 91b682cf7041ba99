package ablation.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.storage.metric.MetricPoint;
import ablation.storage.run.NewRun;
import ablation.storage.run.Run;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every embedded H2 file URL a user may give ({@code jdbc:h2:PATH}, {@code jdbc:h2:file:PATH},
 * {@code jdbc:h2:~/x}) is opened as the default store is, so that a study's worker processes reach
 * the store while the study holds it (issue 14: without it each worker failed and was relaunched
 * forever).
 */
class SharedFileStoreTest {
    @TempDir
    Path dir;

    @Test
    void everyEmbeddedFileUrlBecomesAnAbsoluteAutoServerUrl() {
        String expected = "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        assertEquals(expected, StoreLocation.toJdbcUrl("jdbc:h2:" + dir.resolve("db")));
        assertEquals(expected, StoreLocation.toJdbcUrl("jdbc:h2:file:" + dir.resolve("db")));
        assertEquals(expected, StoreLocation.toJdbcUrl("jdbc:h2:file:" + dir.resolve("x/../db")));
        assertEquals(
                "jdbc:h2:file:" + Path.of(System.getProperty("user.home"), "x") + ";AUTO_SERVER=TRUE",
                StoreLocation.toJdbcUrl("jdbc:h2:~/x"));
        assertEquals(
                "jdbc:h2:file:" + Path.of("").toAbsolutePath().resolve("x") + ";AUTO_SERVER=TRUE",
                StoreLocation.toJdbcUrl("jdbc:h2:./x"));
        assertEquals(
                "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;AUTO_SERVER=TRUE",
                StoreLocation.toJdbcUrl("jdbc:h2:" + dir.resolve("db") + ";MODE=PostgreSQL"));
        assertEquals(
                "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE",
                StoreLocation.toJdbcUrl("jdbc:h2:" + dir.resolve("db") + ";AUTO_SERVER=FALSE"),
                "the user's choice is kept");
        for (String other : List.of(
                "jdbc:h2:tcp://127.0.0.1:9092/db",
                "jdbc:h2:mem:x",
                "jdbc:postgresql://h/db",
                "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE")) {
            assertEquals(other, StoreLocation.toJdbcUrl(other), "unchanged: " + other);
        }
    }

    @Test
    void anotherProcessWritesToAPlainH2UrlThisProcessHolds() throws Exception {
        String url = StoreLocation.toJdbcUrl("jdbc:h2:" + dir.resolve("db"));
        try (TrackingStore store = TrackingStore.open(url)) {
            long studyId = store.studies().create("shared", null).id();
            Run run = store.runs().create(studyId, NewRun.fromConfig("r", "{\"train\":{\"seed\":1}}", "train.seed"));
            WriterRun writer = WriterRun.start(url, new DefaultAccount(), run.id(), 50, 10);
            writer.awaitSuccess(Duration.ofMinutes(2));
            List<MetricPoint> points = store.metrics().points(run.id(), "loss");
            assertEquals(50, points.size(), "the other process's points are in the store");
        }
    }

    /** H2's default account. */
    private static final class DefaultAccount implements StoreTarget {
        @Override
        public String newStoreUrl() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String user() {
            return "sa";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public void close() {}
    }
}

package ablation.storage;

import ablation.storage.artifact.Artifacts;
import ablation.storage.eval.Evaluations;
import ablation.storage.jdbc.ConnectionErrors;
import ablation.storage.jdbc.Jdbc;
import ablation.storage.jdbc.SchemaMigrator;
import ablation.storage.jdbc.Vendor;
import ablation.storage.metric.Metrics;
import ablation.storage.run.Runs;
import ablation.storage.study.Studies;
import ablation.storage.study.StudyLeases;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * The tracking store every run writes to and every view reads from (docs/ARCHITECTURE.md, Storage): an
 * embedded H2 file by default, an H2 TCP server or PostgreSQL for a team, chosen by JDBC URL.
 * Opening migrates the schema forward through Flyway and refuses anything it does not recognise.
 *
 * <pre>{@code
 * try (TrackingStore store = TrackingStore.open(StoreLocation.resolve(null))) {
 *     Study study = store.studies().create("lesson2", null);
 *     Run run = store.runs().create(study.id(), NewRun.fromConfig("fim-0.5", json, "train.seed"));
 *     try (MetricWriter metrics = store.metrics().writer(run.id())) { metrics.log("loss", 1, 2.3); }
 * }
 * }</pre>
 */
public final class TrackingStore implements AutoCloseable {
    static {
        H2Network.loopbackOnly();
    }

    private static final int POOL_SIZE = 4;
    /** H2: the database file is open in another process (which then serves it, with AUTO_SERVER). */
    private static final int FILE_IN_USE = 90020;

    private final HikariDataSource pool;
    private final Jdbc jdbc;
    private final Studies studies;
    private final Runs runs;
    private final Metrics metrics;
    private final Evaluations evaluations;
    private final Artifacts artifacts;
    private final StudyLeases leases;

    private TrackingStore(HikariDataSource pool, String url) {
        this.pool = pool;
        this.jdbc = new Jdbc(pool, url);
        this.metrics = new Metrics(jdbc);
        this.studies = new Studies(jdbc, metrics);
        this.runs = new Runs(jdbc, metrics);
        this.evaluations = new Evaluations(jdbc);
        this.artifacts = new Artifacts(jdbc);
        this.leases = new StudyLeases(jdbc);
    }

    /** Opens the store at a JDBC URL whose credentials, if any, are in the URL. */
    public static TrackingStore open(String url) {
        return open(url, null, null);
    }

    /**
     * Opens (and creates or migrates) the store at a JDBC URL. A null user means the URL's own, or
     * H2's default {@code sa}; a null password means the URL's own, or none.
     */
    public static TrackingStore open(String url, String user, String password) {
        Vendor vendor = Vendor.of(url);
        Properties credentials = credentials(vendor, user, password);
        Optional<Path> file = H2Files.database(url);
        file.ifPresent(H2Files::createPrivate);
        // Held open until the pool has its own connection, so an in-memory H2 database survives.
        try (Connection probe = DriverManager.getConnection(url, credentials)) {
            file.ifPresent(H2Files::restrictCompanions);
            refuseReadOnly(probe, vendor, url);
            HikariDataSource pool = pool(url, credentials);
            try {
                SchemaMigrator.migrate(pool, url);
                return new TrackingStore(pool, url);
            } catch (RuntimeException e) { // any failure: release what was opened, then rethrow
                pool.close();
                throw e;
            }
        } catch (SQLException e) {
            throw ConnectionErrors.translate(url, e);
        }
    }

    /**
     * Opens an existing store to read it, never writing to it: an embedded H2 file is opened with
     * {@code ACCESS_MODE_DATA=r} (a damaged file stays as it was, and nothing is created); the schema
     * must already be current. A file another process has open is read through that process's
     * auto-server, the store's owner then. Servers are opened as they are.
     */
    public static TrackingStore openReadOnly(String url, String user, String password) {
        Optional<Path> file = H2Files.database(url);
        if (file.isEmpty()) {
            return open(url, user, password);
        }
        if (!Files.isRegularFile(H2Files.dataFile(file.get()))) {
            throw new StoreException("there is no store at " + H2Files.dataFile(file.get()) + " (nothing to read):"
                    + " check --db or WORKBENCH_DB; a study creates its store");
        }
        String readOnly = H2Files.readOnlyUrl(url);
        Properties credentials = credentials(Vendor.H2, user, password);
        try (Connection probe = DriverManager.getConnection(readOnly, credentials)) {
            HikariDataSource pool = pool(readOnly, credentials);
            try {
                SchemaMigrator.requireCurrent(pool, url);
                return new TrackingStore(pool, readOnly);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == FILE_IN_USE) {
                return open(url, user, password);
            }
            throw ConnectionErrors.translate(readOnly, e);
        }
    }

    public Studies studies() {
        return studies;
    }

    public Runs runs() {
        return runs;
    }

    public Metrics metrics() {
        return metrics;
    }

    public Evaluations evaluations() {
        return evaluations;
    }

    public Artifacts artifacts() {
        return artifacts;
    }

    /** Which process drives each study. */
    public StudyLeases leases() {
        return leases;
    }

    /** The store's URL with any password removed, for messages. */
    public String displayUrl() {
        return ConnectionErrors.redact(jdbc.url());
    }

    @Override
    public void close() {
        pool.close();
    }

    private static Properties credentials(Vendor vendor, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        } else if (vendor == Vendor.H2) {
            properties.setProperty("user", "sa");
        }
        if (password != null) {
            properties.setProperty("password", password);
        } else if (vendor == Vendor.H2) {
            properties.setProperty("password", "");
        }
        return properties;
    }

    private static HikariDataSource pool(String url, Properties credentials) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setDataSourceProperties(credentials);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setPoolName("workbench-store");
        config.setConnectionTimeout(15_000);
        return new HikariDataSource(config);
    }

    private static void refuseReadOnly(Connection connection, Vendor vendor, String url) throws SQLException {
        boolean readOnly;
        if (vendor == Vendor.H2) {
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("SELECT READONLY()")) {
                r.next();
                readOnly = r.getBoolean(1);
            }
        } else {
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("SHOW transaction_read_only")) {
                r.next();
                readOnly = "on".equalsIgnoreCase(r.getString(1));
            }
        }
        if (readOnly) {
            throw new StoreException("the database " + ConnectionErrors.redact(url) + " is read-only (a read-only"
                    + " file or location, or a read-only server): copy it to a writable location and open the"
                    + " copy. Nothing was changed.");
        }
    }
}

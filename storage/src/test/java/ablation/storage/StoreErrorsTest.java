package ablation.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad stores give a clear StoreException naming the store, and are left as they were. */
class StoreErrorsTest {
    @TempDir
    Path dir;

    private static StoreException refused(String url, String user, String password) {
        return assertThrows(
                StoreException.class,
                () -> TrackingStore.open(url, user, password).close());
    }

    private static void assertMentions(StoreException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': " + e.getMessage());
        }
    }

    @Test
    void anUnreachableServerIsNamed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:nothing";
        assertMentions(refused(url, null, null), "cannot reach", url, "running");
        String pg = "jdbc:postgresql://127.0.0.1:" + port + "/workbench?connectTimeout=5";
        assertMentions(refused(pg, "u", "secret"), "cannot reach", "127.0.0.1:" + port);
    }

    /** One exception root: whoever handles the user's errors (exit code 2, an alert) handles the store's. */
    @Test
    void aStoreProblemIsAWorkbenchException() throws IOException {
        Path notADatabase =
                Files.writeString(dir.resolve("notes.mv.db"), "these are my notes, not a database\n".repeat(200));
        String url = "jdbc:h2:file:" + notADatabase.toString().replace(".mv.db", "");
        assertInstanceOf(WorkbenchException.class, refused(url, null, null));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection owner = DriverManager.getConnection(url, "owner", "right")) {
            assertTrue(owner.isValid(1), "the database exists, with a password");
            StoreException e = refused(url, "owner", "wrong");
            assertMentions(e, "refused the user name or password", "--db-password");
            StoreException inUrl = refused(url + ";PASSWORD=wrong", "owner", null);
            assertFalse(inUrl.getMessage().contains("wrong"), inUrl.getMessage());
            assertMentions(inUrl, "PASSWORD=***");
        }
    }

    @Test
    void aSchemaNewerThanTheApplicationIsRefusedAndLeftAlone() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
            TrackingStore.open(url).close();
            try (Statement s = keepAlive.createStatement()) {
                s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                        + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                        + " SELECT MAX(\"installed_rank\") + 1, '99', 'from the future', 'SQL', 'V99__from_the_future.sql',"
                        + " 0, 'sa', 1, TRUE FROM \"flyway_schema_history\""); // after every migration there is
            }
            String[] before = history(keepAlive);
            StoreException e = refused(url, null, null);
            assertMentions(e, "newer than this application", "99", "Nothing was changed");
            assertArrayEquals(before, history(keepAlive));
        }
    }

    @Test
    void aDatabaseWithOtherTablesIsNotTouched() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "");
                Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY)");
            StoreException e = refused(url, null, null);
            assertMentions(e, "CUSTOMERS", "not a workbench store", "not changed");
            try (ResultSet tables = keepAlive.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                assertTrue(tables.next());
                assertEquals("CUSTOMERS", tables.getString("TABLE_NAME"));
                assertFalse(tables.next(), "no table was added");
            }
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsNamed() throws IOException {
        Path file = dir.resolve("notes.mv.db");
        Files.writeString(file, "these are my notes, not a database\n".repeat(200));
        byte[] before = Files.readAllBytes(file);
        String url = StoreLocation.toJdbcUrl(file.toString());
        assertMentions(
                refused(url, null, null),
                "is not a workbench database",
                dir.resolve("notes").toString());
        assertArrayEquals(before, Files.readAllBytes(file), "the file was not overwritten");
    }

    @Test
    void aReadOnlyDatabaseIsRefused() {
        String url = StoreLocation.h2FileUrl(dir.resolve("store"));
        TrackingStore.open(url).close();
        String readOnly = "jdbc:h2:file:" + dir.resolve("store") + ";ACCESS_MODE_DATA=r";
        assertMentions(refused(readOnly, null, null), "read-only", "writable location");
    }

    @Test
    void aLocationThatCannotHoldADatabaseIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        String url = StoreLocation.h2FileUrl(file.resolve("store"));
        assertMentions(refused(url, null, null), "cannot create or open the database files", file.toString());
    }

    @Test
    void anUnsupportedUrlSaysWhatIsSupported() {
        assertMentions(
                refused("jdbc:mysql://localhost/x", null, null), "unsupported database URL", "jdbc:postgresql://");
    }

    @Test
    void aPlainPathBecomesAnEmbeddedH2Url() {
        assertEquals(
                "jdbc:h2:file:" + dir.resolve("a") + ";AUTO_SERVER=TRUE",
                StoreLocation.toJdbcUrl(dir.resolve("a.mv.db").toString()));
        assertEquals("jdbc:postgresql://h/db", StoreLocation.resolve("jdbc:postgresql://h/db"));
    }

    private static String[] history(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY 1")) {
            java.util.List<String> versions = new java.util.ArrayList<>();
            while (r.next()) {
                versions.add(r.getString(1));
            }
            return versions.toArray(String[]::new);
        }
    }
}

package ablation.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.tools.Server;

/**
 * A database the store tests run against: fresh empty stores on demand, reachable from other
 * processes too. H2 serves in-memory databases over a TCP server on 127.0.0.1; PostgreSQL gets a
 * new schema per store in the database named by {@code WORKBENCH_TEST_PG_URL}.
 */
public interface StoreTarget extends AutoCloseable {
    /** A JDBC URL of a new, empty store that other processes can reach. */
    String newStoreUrl();

    String user();

    String password();

    default TrackingStore open(String url) {
        return TrackingStore.open(url, user(), password());
    }

    @Override
    void close();

    /** H2 in-memory databases behind a TCP server on the loopback interface. */
    final class H2 implements StoreTarget {
        private final Server server;

        public H2() {
            H2Network.loopbackOnly();
            try {
                server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot start an H2 TCP server for the tests", e);
            }
        }

        @Override
        public String newStoreUrl() {
            return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
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
        public void close() {
            server.stop();
        }
    }

    /** PostgreSQL, one schema per store, dropped on close. */
    final class Postgres implements StoreTarget {
        public static final String URL_ENV = "WORKBENCH_TEST_PG_URL";
        private final String url = System.getenv(URL_ENV);
        private final String user = System.getenv("WORKBENCH_TEST_PG_USER");
        private final String password = System.getenv("WORKBENCH_TEST_PG_PASSWORD");
        private final List<String> schemas = new ArrayList<>();

        public static boolean available() {
            String url = System.getenv(URL_ENV);
            return url != null && !url.isBlank();
        }

        @Override
        public String newStoreUrl() {
            String schema =
                    "wbtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test schema in " + url + ": " + e.getMessage(), e);
            }
            schemas.add(schema);
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public String password() {
            return password;
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop test schemas in " + url + ": " + e.getMessage(), e);
            }
        }
    }
}

package ablation.storage;

import ablation.storage.jdbc.ConnectionErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Server;

/**
 * Serves an H2 file store over TCP so that workers on other machines (or a team) share it
 * ({@code workbench db serve}). A served store must have a password: serving sets it, or checks
 * that the store already has one. Listens on 127.0.0.1 unless other hosts are allowed; serves only
 * that one database (no other file of its directory) and creates no new databases.
 */
public final class StoreServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 9092;
    private static final int MAX_PORT = 65535;

    private final Server server;
    private final String clientUrl;
    private final Path database;

    private StoreServer(Server server, String clientUrl, Path database) {
        this.server = server;
        this.clientUrl = clientUrl;
        this.database = database;
    }

    /**
     * Protects the store with a password and serves it.
     *
     * @param fileUrl     the store, an embedded H2 file URL ({@code jdbc:h2:file:PATH...})
     * @param user        the store's user (H2's {@code sa} when null)
     * @param password    the store's current password (none when null)
     * @param newPassword the password to set before serving, or null to keep the current one (which
     *                    must then not be empty)
     * @param port        TCP port, 0 for any free one
     * @param allowOthers accept connections from other hosts; call before anything else in the
     *                    process touched H2 (see {@link H2Network#allInterfaces()})
     */
    public static StoreServer serve(
            String fileUrl, String user, String password, String newPassword, int port, boolean allowOthers) {
        if (port < 0 || port > MAX_PORT) {
            throw new StoreException("--port = " + port + ": a TCP port is 0 (any free one) to " + MAX_PORT);
        }
        Path database = databasePath(fileUrl);
        if (allowOthers) {
            H2Network.allInterfaces();
        }
        String account = user == null ? "sa" : user;
        String embedded = "jdbc:h2:file:" + database;
        // Opening creates or migrates the schema, and fails clearly on a wrong password or a bad file.
        TrackingStore.open(embedded, account, password == null ? "" : password).close();
        String current = password == null ? "" : password;
        if (newPassword != null) {
            if (newPassword.isEmpty()) {
                throw new StoreException("--password must not be empty: a served store needs a password");
            }
            setPassword(embedded, account, current, newPassword);
        } else if (current.isEmpty()) {
            throw new StoreException("the store " + database + " has no password and would be open to every local"
                    + " user once served: give it one with --password");
        }
        // -key admits the one database name and refuses every other (an unprotected store beside it).
        String name = database.getFileName().toString();
        List<String> args = new ArrayList<>(List.of(
                "-tcpPort",
                Integer.toString(port),
                "-baseDir",
                database.getParent().toString(),
                "-ifExists",
                "-key",
                name,
                name));
        if (allowOthers) {
            args.add("-tcpAllowOthers");
        }
        try {
            Server server = Server.createTcpServer(args.toArray(String[]::new)).start();
            String host =
                    allowOthers ? server.getURL().replaceFirst("^tcp://", "").replaceFirst(":\\d+$", "") : "127.0.0.1";
            return new StoreServer(
                    server, "jdbc:h2:tcp://" + host + ":" + server.getPort() + "/" + database.getFileName(), database);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot serve " + database + " on port " + port + " (" + e.getMessage()
                            + "): is the port in use? choose another with --port",
                    e);
        }
    }

    /** The database served, without {@code .mv.db}. */
    public Path database() {
        return database;
    }

    /** The JDBC URL clients give as {@code --db}. */
    public String clientUrl() {
        return clientUrl;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static Path databasePath(String fileUrl) {
        return H2Files.database(fileUrl)
                .orElseThrow(() -> new StoreException("db serve serves an H2 file store; "
                        + ConnectionErrors.redact(fileUrl) + " is not one: give --db jdbc:h2:file:PATH or a path"));
    }

    private static void setPassword(String url, String user, String current, String newPassword) {
        try (Connection c = DriverManager.getConnection(url, user, current);
                PreparedStatement alter = c.prepareStatement("ALTER USER \""
                        + user.toUpperCase(java.util.Locale.ROOT).replace("\"", "") + "\" SET PASSWORD ?")) {
            alter.setString(1, newPassword);
            alter.execute();
        } catch (SQLException e) {
            throw ConnectionErrors.translate(url, e);
        }
    }
}

package ablation.storage;

import java.nio.file.Path;

/**
 * Where the tracking store lives: the {@code --db} flag, else the {@code WORKBENCH_DB} environment
 * variable, else an H2 file under {@code ~/.workbench/}. A plain file path is accepted too and
 * becomes an H2 file URL.
 *
 * <p>Embedded file stores are opened with {@code AUTO_SERVER=TRUE}: the first process to open the
 * file serves it (on the loopback interface only, see {@link TrackingStore}) to the others, so the
 * GUI and the per-run worker processes share one store without a separate server.
 */
public final class StoreLocation {
    /** Environment variable naming the store's JDBC URL when no {@code --db} is given. */
    public static final String ENV_URL = "WORKBENCH_DB";

    private StoreLocation() {}

    /** The URL to use given the {@code --db} flag (null or blank when absent). */
    public static String resolve(String flag) {
        if (flag != null && !flag.isBlank()) {
            return toJdbcUrl(flag.trim());
        }
        String env = System.getenv(ENV_URL);
        if (env != null && !env.isBlank()) {
            return toJdbcUrl(env.trim());
        }
        return defaultUrl();
    }

    /** {@code jdbc:h2:file:~/.workbench/workbench;AUTO_SERVER=TRUE}, with the home directory spelled out. */
    public static String defaultUrl() {
        return h2FileUrl(Path.of(System.getProperty("user.home"), ".workbench", "workbench"));
    }

    /**
     * A JDBC URL as is, but an embedded H2 file store made shareable ({@link #shared}); anything
     * else is taken as the path of an H2 database file, a leading {@code ~} being {@code user.home} as in
     * H2's own URLs (so {@code --db '~/x'} and {@code jdbc:h2:file:~/x} agree).
     */
    public static String toJdbcUrl(String urlOrPath) {
        if (urlOrPath.startsWith("jdbc:")) {
            return shared(urlOrPath);
        }
        String path = urlOrPath.endsWith(H2Files.DATA_SUFFIX)
                ? urlOrPath.substring(0, urlOrPath.length() - H2Files.DATA_SUFFIX.length())
                : urlOrPath;
        return h2FileUrl(Path.of(H2Files.expandHome(path)));
    }

    /**
     * An embedded H2 file store ({@code jdbc:h2:PATH}, {@code jdbc:h2:file:PATH}, {@code jdbc:h2:~/x},
     * {@code jdbc:h2:./x}) as the default store is opened: its path absolute (so a worker with another
     * home or directory finds the same file) and {@code AUTO_SERVER=TRUE} (so the study's workers
     * reach it while the study holds it) unless the URL sets {@code AUTO_SERVER} itself. Other URLs
     * (server, in-memory, PostgreSQL) are returned as they are.
     */
    public static String shared(String url) {
        String h2 = "jdbc:h2:";
        if (!url.regionMatches(true, 0, h2, 0, h2.length())) {
            return url;
        }
        String rest = url.substring(h2.length());
        if (rest.regionMatches(true, 0, "file:", 0, "file:".length())) {
            rest = rest.substring("file:".length());
        } else if (rest.matches("(?s)[A-Za-z]{2,}:.*")) {
            return url; // mem:, tcp:, ssl:, zip:, nio: ...: not a plain file store
        }
        int semicolon = rest.indexOf(';');
        String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String settings = semicolon < 0 ? "" : rest.substring(semicolon);
        if (path.isBlank()) {
            return url;
        }
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        boolean autoServerGiven = settings.toUpperCase(java.util.Locale.ROOT).contains(";AUTO_SERVER=");
        String autoServer = autoServerGiven ? "" : ";AUTO_SERVER=TRUE";
        return "jdbc:h2:file:" + Path.of(path).toAbsolutePath().normalize() + settings + autoServer;
    }

    /** An embedded H2 file URL for a database path (without the {@code .mv.db} suffix). */
    public static String h2FileUrl(Path database) {
        return "jdbc:h2:file:" + database.toAbsolutePath().normalize() + ";AUTO_SERVER=TRUE";
    }
}

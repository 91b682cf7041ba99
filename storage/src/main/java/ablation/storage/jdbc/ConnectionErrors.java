package ablation.storage.jdbc;

import ablation.storage.StoreException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Turns the driver's {@link SQLException}s into messages a user can act on: which store (URL with
 * any password removed), what went wrong, what to do. H2 reports its own error codes, PostgreSQL
 * the standard SQLSTATE classes; both are handled.
 */
public final class ConnectionErrors {
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^;&]*");

    private ConnectionErrors() {}

    /** The URL with any embedded password replaced by {@code ***}, fit for messages and logs. */
    public static String redact(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    public static StoreException translate(String url, SQLException e) {
        return new StoreException(describe(redact(url), e), e);
    }

    private static String describe(String url, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        String detail = firstLine(e.getMessage());
        if (state.startsWith("08") || code == 90067) {
            return "cannot reach the database server for " + url + " (" + detail + "): is the server running"
                    + " (workbench db serve, or PostgreSQL) and are the host and port right?";
        }
        if (state.startsWith("28")) {
            return "the database " + url + " refused the user name or password: give the right ones with"
                    + " --db-user/--db-password (or WORKBENCH_DB_USER/WORKBENCH_DB_PASSWORD)";
        }
        if (state.equals("3D000") || code == 90013 || code == 90146 || code == 90149) {
            return "the database " + url + " does not exist: check the name in the URL"
                    + " (a PostgreSQL database must be created first: createdb NAME)";
        }
        if (code == 90020) {
            return "the database file of " + url + " is open in another process: close it there, or serve it"
                    + " (workbench db serve) and connect with its jdbc:h2:tcp:// URL (" + detail + ")";
        }
        if (code == 90030 || code == 90048 || (code == 90028 && unreadableStore(e))) {
            return url + " is not a workbench database (not an H2 database file, or a damaged one: " + detail
                    + "); point --db at a workbench database or at a new file";
        }
        if (damaged(e)) {
            return "the store " + url + " is damaged (" + detail + ")"
                    + (url.contains("ACCESS_MODE_DATA=r") ? "; it was opened read-only and not changed" : "")
                    + ": restore it from a backup, or recover what H2's Recover tool (org.h2.tools.Recover) can read";
        }
        if (code == 90097 && url.contains("ACCESS_MODE_DATA=r")) {
            // H2 asked to write while reading: it found pages it would have to repair or roll back
            return "the store " + url + " is damaged: H2 cannot read it without repairing it (" + detail + ");"
                    + " it was opened read-only and not changed: restore it from a backup, or recover what H2's"
                    + " Recover tool (org.h2.tools.Recover) can read";
        }
        if (code == 90097) {
            return "the database " + url + " is read-only: copy it to a writable location and open the copy";
        }
        if (code == 90028 || code == 90062) {
            return "cannot create or open the database files of " + url + " (" + detail + "):"
                    + " is the location writable and is the path a directory?";
        }
        return "database error on " + url + ": " + detail;
    }

    /**
     * H2 found a corrupted page while reading: reported as error 90030 itself, or as a general error
     * (50000) wrapping the file layer's "File corrupted" from a query that reached the page.
     */
    private static boolean damaged(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("File corrupted") || message.contains("[90030-")) {
                return true;
            }
        }
        return false;
    }

    /** H2's file layer failed reading an existing file: it is not (or no longer) an H2 database. */
    private static boolean unreadableStore(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package ablation.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The files of an embedded H2 store named by a JDBC URL ({@code jdbc:h2:file:PATH} or
 * {@code jdbc:h2:PATH}): where they are, created private to their owner (a store holds configs,
 * results and, once served, a password hash), and the URL that reads them without writing.
 */
final class H2Files {
    static final String DATA_SUFFIX = ".mv.db";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    /** H2 URL prefixes that are not a file of this machine. */
    private static final String[] NOT_FILES = {"mem:", "tcp:", "ssl:", "zip:"};

    private H2Files() {}

    /** The database path (without {@code .mv.db}) of an embedded H2 file URL; empty for anything else. */
    static Optional<Path> database(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        for (String prefix : NOT_FILES) {
            if (rest.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return Optional.empty();
            }
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        String path = expandHome(rest);
        if (!Path.of(path).isAbsolute() && !path.startsWith("./") && !path.startsWith("../")) {
            return Optional.empty(); // H2 refuses paths implicitly relative to the working directory: it says so
        }
        return Optional.of(Path.of(path).toAbsolutePath().normalize());
    }

    /** A leading {@code ~} is the home directory as this JVM sees it ({@code user.home}), as H2 resolves it. */
    static String expandHome(String path) {
        return path.equals("~") || path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    static Path dataFile(Path database) {
        return database.resolveSibling(database.getFileName() + DATA_SUFFIX);
    }

    /**
     * Before H2 creates a new store: its missing directories as 0700 and an empty data file as 0600,
     * which H2 takes as a new database and keeps the mode of. An existing store is left alone.
     */
    static void createPrivate(Path database) {
        Path file = dataFile(database);
        if (Files.exists(file) || !supportsPosix(database)) {
            return;
        }
        try {
            createDirectoriesPrivate(database.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: it is theirs to have made
        } catch (IOException e) {
            throw new StoreException(
                    "cannot create or open the database files of " + file + " (" + e.getMessage()
                            + "): is the location writable and is the path a directory?",
                    e);
        }
    }

    /**
     * H2's lock file (which tells other processes how to reach the auto-server) and trace file are
     * created after the data file, with the default mode: narrowed to the owner as the data file is.
     */
    static void restrictCompanions(Path database) {
        if (!supportsPosix(database)) {
            return;
        }
        for (String suffix : new String[] {".lock.db", ".trace.db"}) {
            Path file = database.resolveSibling(database.getFileName() + suffix);
            try {
                if (Files.isRegularFile(file) && Files.getOwner(file).equals(Files.getOwner(dataFile(database)))) {
                    Files.setPosixFilePermissions(file, OWNER_FILE);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // gone meanwhile, or not ours to change: the data file's own mode is what matters
            }
        }
    }

    /** The URL that opens the store for reading only: H2 then never writes the file (auto-server needs writing). */
    static String readOnlyUrl(String url) {
        StringBuilder result = new StringBuilder();
        for (String part : url.split(";")) {
            String key = part.split("=", 2)[0].trim().toUpperCase(Locale.ROOT);
            if (result.length() > 0 && (key.equals("AUTO_SERVER") || key.equals("ACCESS_MODE_DATA"))) {
                continue;
            }
            result.append(result.length() > 0 ? ";" : "").append(part);
        }
        return result + ";ACCESS_MODE_DATA=r";
    }

    private static void createDirectoriesPrivate(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createDirectoriesPrivate(dir.getParent());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile
        }
    }

    private static boolean supportsPosix(Path database) {
        return database.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

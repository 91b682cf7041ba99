package ablation.storage.artifact;

import ablation.storage.StoreException;
import ablation.storage.jdbc.Jdbc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Artifacts: recorded with size and SHA-256 (of a file, or of every file of a directory in name order). */
public final class Artifacts {
    private static final String COLUMNS = "id, study_id, run_id, kind, path, step, size_bytes, sha256, created_at";

    private final Jdbc jdbc;

    public Artifacts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a file or directory, measuring its size and checksum now. */
    public Artifact record(long studyId, Long runId, String kind, Path path, Long step) {
        Path absolute = path.toAbsolutePath().normalize();
        long[] size = {0};
        String sha256 = checksum(absolute, size);
        return insert(studyId, runId, kind, absolute.toString(), step, size[0], sha256, jdbc.now());
    }

    /** Inserts a row as given (import). */
    public Artifact insert(
            long studyId,
            Long runId,
            String kind,
            String path,
            Long step,
            long sizeBytes,
            String sha256,
            Instant createdAt) {
        long id = jdbc.insert(
                "INSERT INTO artifacts (study_id, run_id, kind, path, step, size_bytes, sha256,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                studyId,
                Jdbc.nullableLong(runId),
                kind,
                path,
                Jdbc.nullableLong(step),
                sizeBytes,
                sha256,
                createdAt);
        return new Artifact(id, studyId, runId, kind, path, step, sizeBytes, sha256, createdAt);
    }

    public List<Artifact> ofRun(long runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM artifacts WHERE run_id = ? ORDER BY id", Artifacts::map, runId);
    }

    /** Every artifact of a study, its runs' included. */
    public List<Artifact> ofStudy(long studyId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM artifacts WHERE study_id = ? ORDER BY id", Artifacts::map, studyId);
    }

    /** Whether the file is still there with the recorded size and checksum. */
    public static boolean isIntact(Artifact artifact) {
        Path path = Path.of(artifact.path());
        if (!Files.exists(path)) {
            return false;
        }
        long[] size = {0};
        return checksum(path, size).equals(artifact.sha256()) && size[0] == artifact.sizeBytes();
    }

    private static String checksum(Path path, long[] size) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(path);
            }
            byte[] chunk = new byte[1 << 16];
            for (Path file : files) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                    int read;
                    while ((read = in.read(chunk)) > 0) {
                        size[0] += read;
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new StoreException("cannot read artifact " + path + " to checksum it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Artifact map(ResultSet row) throws SQLException {
        return new Artifact(
                row.getLong("id"),
                row.getLong("study_id"),
                Jdbc.nullableLong(row, "run_id"),
                row.getString("kind"),
                row.getString("path"),
                Jdbc.nullableLong(row, "step"),
                row.getLong("size_bytes"),
                row.getString("sha256"),
                Jdbc.instant(row, "created_at"));
    }
}

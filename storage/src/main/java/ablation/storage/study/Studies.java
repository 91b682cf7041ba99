package ablation.storage.study;

import ablation.core.names.StudyNames;
import ablation.storage.StoreException;
import ablation.storage.jdbc.Jdbc;
import ablation.storage.metric.Metrics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Studies: create, find by name, list, delete (with everything their runs wrote). */
public final class Studies {
    private static final String COLUMNS = "id, name, spec_json, created_at";

    private final Jdbc jdbc;
    private final Metrics metrics;

    public Studies(Jdbc jdbc, Metrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** Creates a study; its name must be new. */
    public Study create(String name, String specJson) {
        return insert(name, specJson, jdbc.now());
    }

    /** Creates a study with a given creation time (import keeps the original one). */
    public Study insert(String name, String specJson, Instant createdAt) {
        StudyNames.problem(name).ifPresent(problem -> {
            throw new StoreException("study name '" + name + "': " + problem);
        });
        if (byName(name).isPresent()) {
            throw new StoreException(
                    "a study named '" + name + "' already exists: choose another name or delete it first");
        }
        long id = jdbc.insert(
                "INSERT INTO studies (name, spec_json, created_at) VALUES (?, ?, ?)", name, specJson, createdAt);
        return new Study(id, name, specJson, createdAt);
    }

    public Optional<Study> byName(String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM studies WHERE name = ?", Studies::map, name);
    }

    public Optional<Study> get(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM studies WHERE id = ?", Studies::map, id);
    }

    /** The study of that name, or a {@link StoreException} listing the studies there are. */
    public Study require(String name) {
        return byName(name)
                .orElseThrow(() -> new StoreException("no study named '" + name + "'; studies here: "
                        + list().stream().map(Study::name).toList()));
    }

    public List<Study> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM studies ORDER BY id", Studies::map);
    }

    /** Deletes a study, its runs and everything they recorded. */
    public void delete(long studyId) {
        jdbc.inTransaction(c -> {
            List<Long> runIds = Jdbc.query(c, "SELECT id FROM runs WHERE study_id = ?", r -> r.getLong(1), studyId);
            for (long runId : runIds) {
                metrics.deleteRun(c, runId);
            }
            return Jdbc.update(c, "DELETE FROM studies WHERE id = ?", studyId);
        });
    }

    private static Study map(ResultSet row) throws SQLException {
        return new Study(
                row.getLong("id"), row.getString("name"), row.getString("spec_json"), Jdbc.instant(row, "created_at"));
    }
}

package ablation.storage.jdbc;

import ablation.storage.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings a store's schema to this application's version through the numbered Flyway migrations in
 * {@code db/migration}, and refuses, rather than repairs, what it does not recognise: a schema
 * written by a newer workbench (Flyway alone would ignore the "future" migrations) and a database
 * that has tables but no migration history (someone else's database, not to be altered without
 * consent).
 */
public final class SchemaMigrator {
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private SchemaMigrator() {}

    public static void migrate(DataSource dataSource, String url) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .loggers(FlywayLogs.class.getName())
                .cleanDisabled(true)
                .load();
        String shown = ConnectionErrors.redact(url);
        try {
            MigrationInfoService info = flyway.info();
            refuseNewerSchema(info, shown);
            if (info.applied().length == 0) {
                refuseForeignTables(dataSource, url);
            }
            flyway.migrate();
        } catch (FlywayException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw ConnectionErrors.translate(url, sql);
            }
            throw new StoreException("cannot bring the schema of " + shown + " up to date: " + e.getMessage(), e);
        }
    }

    /** For a store opened read-only: its schema must be the one this application writes, as it is. */
    public static void requireCurrent(DataSource dataSource, String url) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .loggers(FlywayLogs.class.getName())
                .load();
        String shown = ConnectionErrors.redact(url);
        try {
            MigrationInfoService info = flyway.info();
            refuseNewerSchema(info, shown);
            if (info.applied().length == 0) {
                throw new StoreException("the database " + shown + " has no workbench schema: it is not a workbench"
                        + " store (or an empty one); point --db at the store a study wrote");
            }
            if (info.pending().length > 0) {
                throw new StoreException("the store " + shown + " has an older schema; reading commands do not"
                        + " change it: run a writing command (workbench study, db import) on it once to bring it"
                        + " up to date");
            }
        } catch (FlywayException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw ConnectionErrors.translate(url, sql);
            }
            throw new StoreException("cannot read the schema of " + shown + ": " + e.getMessage(), e);
        }
    }

    private static void refuseNewerSchema(MigrationInfoService info, String url) {
        List<String> unknown = new ArrayList<>();
        for (MigrationInfo applied : info.applied()) {
            MigrationState state = applied.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                unknown.add(applied.getVersion() + " (" + applied.getDescription() + ")");
            }
        }
        if (!unknown.isEmpty()) {
            MigrationInfo[] known = info.all();
            throw new StoreException("the database " + url + " has a schema newer than this application:"
                    + " migrations " + unknown + " are unknown here (this application knows up to version "
                    + latestKnown(known) + "); open it with a newer workbench. Nothing was changed.");
        }
    }

    private static String latestKnown(MigrationInfo[] all) {
        String latest = "none";
        for (MigrationInfo m : all) {
            if (m.getState() != MigrationState.FUTURE_SUCCESS
                    && m.getState() != MigrationState.FUTURE_FAILED
                    && m.getVersion() != null) {
                latest = m.getVersion().toString();
            }
        }
        return latest;
    }

    private static void refuseForeignTables(DataSource dataSource, String url) {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows =
                        connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next() && tables.size() < 5) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        } catch (SQLException e) {
            throw ConnectionErrors.translate(url, e);
        }
        if (!tables.isEmpty()) {
            throw new StoreException("the database " + ConnectionErrors.redact(url) + " already has tables "
                    + tables + " but no workbench schema history: it is not a workbench store, and it was not"
                    + " changed. Point --db at an empty database (or a new H2 file) instead.");
        }
    }
}

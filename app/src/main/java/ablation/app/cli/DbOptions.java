package ablation.app.cli;

import ablation.storage.StoreLocation;
import ablation.storage.TrackingStore;
import picocli.CommandLine.Option;

/**
 * The tracking-store options every store-reading or -writing subcommand mixes in
 * ({@code @Mixin DbOptions db;}): where the store is and how to log in. Credentials may also sit in
 * the URL ({@code ;USER=..;PASSWORD=..} for H2, {@code ?user=..&password=..} for PostgreSQL).
 */
public final class DbOptions {
    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "Tracking store: a JDBC URL (jdbc:h2:file:PATH, jdbc:h2:tcp://HOST:PORT/NAME,"
                    + " jdbc:postgresql://HOST:PORT/DB) or an H2 file path."
                    + " Default: $WORKBENCH_DB, else ~/.workbench/workbench.")
    String db;

    @Option(
            names = "--db-user",
            paramLabel = "USER",
            defaultValue = "${env:WORKBENCH_DB_USER}",
            description = "Store user (default: $WORKBENCH_DB_USER, else the URL's, else sa for H2).")
    String user;

    @Option(
            names = "--db-password",
            paramLabel = "PASSWORD",
            arity = "0..1",
            interactive = true,
            defaultValue = "${env:WORKBENCH_DB_PASSWORD}",
            description = "Store password (default: $WORKBENCH_DB_PASSWORD); without a value, asked for.")
    String password;

    /** The store's JDBC URL. */
    public String url() {
        return StoreLocation.resolve(db);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Opens (creating or migrating) the store. */
    public TrackingStore open() {
        return TrackingStore.open(url(), user, password);
    }

    /** Opens an existing store for the commands that only read it: nothing is created or written. */
    public TrackingStore openReadOnly() {
        return TrackingStore.openReadOnly(url(), user, password);
    }
}

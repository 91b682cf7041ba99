package ablation.storage.jdbc;

import ablation.storage.StoreException;

/** The database products the store runs on; told apart by JDBC URL. */
public enum Vendor {
    H2,
    POSTGRESQL;

    public static Vendor of(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new StoreException("unsupported database URL " + url
                + ": use jdbc:h2:file:PATH, jdbc:h2:tcp://HOST:PORT/NAME, jdbc:h2:mem:NAME"
                + " or jdbc:postgresql://HOST:PORT/DATABASE");
    }
}

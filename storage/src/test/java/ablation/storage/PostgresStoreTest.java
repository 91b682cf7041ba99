package ablation.storage;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The store contract on PostgreSQL. Needs {@code WORKBENCH_TEST_PG_URL} (and
 * {@code WORKBENCH_TEST_PG_USER}, {@code WORKBENCH_TEST_PG_PASSWORD}); {@code .ci/setup.d/30-postgres.sh}
 * starts a server and sets them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStoreTest extends TrackingStoreContract {
    @BeforeAll
    void needPostgres() {
        Assumptions.assumeTrue(StoreTarget.Postgres.available(), "PostgreSQL store tests skipped: set "
                + StoreTarget.Postgres.URL_ENV + " (see .ci/setup.d/30-postgres.sh) to run them");
    }

    @Override
    protected StoreTarget newTarget() {
        return new StoreTarget.Postgres();
    }
}

package ablation.storage;

import org.junit.jupiter.api.Assumptions;

/**
 * The store contract on PostgreSQL. Needs {@code WORKBENCH_TEST_PG_URL} (and
 * {@code WORKBENCH_TEST_PG_USER}, {@code WORKBENCH_TEST_PG_PASSWORD}); {@code .ci/setup.d/30-postgres.sh}
 * starts a server and sets them. Without them every test is skipped, saying so.
 */
class PostgresStoreTest extends TrackingStoreContract {
    @Override
    protected StoreTarget newTarget() {
        Assumptions.assumeTrue(
                StoreTarget.Postgres.available(),
                "PostgreSQL store tests skipped: set " + StoreTarget.Postgres.URL_ENV
                        + " (see .ci/setup.d/30-postgres.sh) to run them");
        return new StoreTarget.Postgres();
    }
}

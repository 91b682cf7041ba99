package ablation.storage;

/** The store contract on H2 (in-memory databases behind a loopback TCP server). */
class H2StoreTest extends TrackingStoreContract {
    @Override
    protected StoreTarget newTarget() {
        return new StoreTarget.H2();
    }
}

package ablation.storage.study;

import ablation.storage.StoreException;

/** Another live process holds the study's lease; the message says who, and when the lease lapses. */
public final class StudyLeaseHeldException extends StoreException {
    private final LeaseOwner holder;

    StudyLeaseHeldException(String message, LeaseOwner holder) {
        super(message);
        this.holder = holder;
    }

    public LeaseOwner holder() {
        return holder;
    }
}

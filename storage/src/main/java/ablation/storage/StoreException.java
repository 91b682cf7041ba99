package ablation.storage;

import ablation.core.WorkbenchException;

/**
 * A tracking-store problem a user can act on (unreachable server, wrong password, schema newer than
 * the application, a file that is not a database). A {@link WorkbenchException}, so whoever handles
 * the user's errors handles it too: the command line prints the message and exits with code 2.
 */
public class StoreException extends WorkbenchException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

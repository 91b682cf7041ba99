package ablation.storage;

/**
 * A tracking-store problem a user can act on (unreachable server, wrong password, schema newer than
 * the application, a file that is not a database). The command line prints the message and exits
 * with code 2.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

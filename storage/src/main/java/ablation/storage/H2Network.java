package ablation.storage;

/**
 * Keeps H2's network listeners on the loopback interface. H2's {@code AUTO_SERVER} mode starts a
 * TCP listener that accepts other hosts and advertises the machine's network address; setting
 * {@code h2.bindAddress} before H2 is first used makes it bind and advertise 127.0.0.1 instead.
 * A user who really wants another address sets the property on the command line.
 */
public final class H2Network {
    private H2Network() {}

    public static void loopbackOnly() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /**
     * Lets this process's H2 listeners accept other hosts ({@code workbench db serve --allow-others}).
     * Must run before H2 is first used in the process: H2 reads the property once.
     */
    public static void allInterfaces() {
        System.setProperty("h2.bindAddress", "0.0.0.0");
    }
}

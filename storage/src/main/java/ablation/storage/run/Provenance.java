package ablation.storage.run;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where and with what a run ran, recorded when it starts so results can be traced and reproduced.
 * Every field may be null when unknown.
 */
public record Provenance(
        String appVersion,
        String djlVersion,
        String pytorchVersion,
        String device,
        String host,
        String os,
        String javaVersion) {

    public static final Provenance UNKNOWN = new Provenance(null, null, null, null, null, null, null);

    /** The given versions and device, with this machine's host name, OS and Java version. */
    public static Provenance ofThisMachine(String appVersion, String djlVersion, String pytorchVersion, String device) {
        return new Provenance(
                appVersion,
                djlVersion,
                pytorchVersion,
                device,
                hostName(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }
}

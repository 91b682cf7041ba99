package ablation.app.cli;

import ablation.storage.StoreServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code workbench db serve}: share an H2 file store over TCP until interrupted. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the H2 file store over TCP (password required) until Ctrl-C.")
public final class DbServeCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Option(
            names = "--port",
            defaultValue = "" + StoreServer.DEFAULT_PORT,
            description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--password",
            arity = "0..1",
            interactive = true,
            description = "Protect the store with this password before serving (asked for without a value)."
                    + " Needed unless the store already has one (then give it with --db-password).")
    String password;

    @Option(names = "--allow-others", description = "Accept connections from other hosts (default: 127.0.0.1 only).")
    boolean allowOthers;

    @Override
    public Integer call() throws InterruptedException {
        String url = db.url();
        StoreServer server = StoreServer.serve(url, db.user(), db.password(), password, port, allowOthers);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("serving " + server.database() + " (no other database of its folder)");
        System.out.println("clients: --db " + server.clientUrl() + " --db-user "
                + (db.user() == null ? "sa" : db.user()) + " --db-password ...");
        System.out.println(allowOthers ? "accepting other hosts" : "listening on 127.0.0.1 only");
        System.out.println("Ctrl-C stops the server");
        Thread.currentThread().join();
        return 0;
    }
}

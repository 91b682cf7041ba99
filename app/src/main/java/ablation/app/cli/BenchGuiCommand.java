package ablation.app.cli;

import ablation.app.gui.CompareBench;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench bench gui}: the compare view opening on a large study, headless. */
@Command(
        name = "gui",
        mixinStandardHelpOptions = true,
        description = "Fill a temporary store with a large study and time the compare view opening on it, headless "
                + "(target: under 2 s for 20 runs of 100,000 loss points).")
public final class BenchGuiCommand implements Callable<Integer> {
    static final double TARGET_OPEN_MS = 2000;

    @Option(
            names = "--runs",
            defaultValue = "20",
            description = "Runs in the study, a multiple of 5 (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--points",
            defaultValue = "100000",
            description = "Loss points per run (default ${DEFAULT-VALUE}).")
    long points;

    @Option(names = "--json", description = "One line of JSON instead of indented JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path directory = Files.createTempDirectory("workbench-bench-gui");
        CompareBench.Result r;
        try {
            r = CompareBench.run(directory, runs, points);
        } finally {
            delete(directory);
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode out = mapper.createObjectNode();
        out.put("bench", "gui");
        out.put("runs", r.runs());
        out.put("points_per_run", r.pointsPerRun());
        out.put("fill_s", round(r.fillSeconds()));
        out.put("open_ms", round(r.openMillis()));
        out.put("target_open_ms", TARGET_OPEN_MS);
        out.put("open_within_target", r.openMillis() < TARGET_OPEN_MS);
        out.put("reopen_ms", round(r.reopenMillis()));
        out.put("regroup_ms", round(r.regroupMillis()));
        out.put("fx_max_frame_gap_ms", round(r.maxFrameGapMillis()));
        out.put("chart_points", r.chartPoints());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put(
                "load_average",
                round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        if (!json) mapper.enable(SerializationFeature.INDENT_OUTPUT);
        System.out.println(mapper.writeValueAsString(out));
        return 0;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

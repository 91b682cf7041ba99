package ablation.app.cli;

import ablation.engine.benchmark.Problem;
import ablation.engine.benchmark.ProblemFiles;
import ablation.engine.eval.sandbox.ExecResult;
import ablation.engine.eval.sandbox.Sandbox;
import ablation.engine.eval.sandbox.SandboxOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench exec}: programs per second through the sandbox, on HumanEval's canonical
 * solutions (../shared/data beside the repository, or the 8-problem copy in the engine jar), with the
 * identical-program cache off so every program really runs.
 */
@Command(
        name = "exec",
        mixinStandardHelpOptions = true,
        description = "Sandbox throughput on HumanEval canonical solutions (programs/s).")
public final class BenchExecCommand implements Callable<Integer> {
    private static final String SHARED_HUMANEVAL = "shared/data/HumanEval.jsonl.gz";
    private static final String FIXTURE = "/ablation/engine/eval/humaneval-fixture.jsonl";

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--workers", paramLabel = "N", description = "Sandbox workers (default: one per core).")
    Integer workers;

    @Option(
            names = "--programs",
            defaultValue = "656",
            paramLabel = "N",
            description = "Programs to run, cycling through the solutions (default ${DEFAULT-VALUE}, 4 x HumanEval).")
    int programs;

    @Mixin
    IsolationOption isolation;

    @Option(
            names = "--benchmark",
            paramLabel = "FILE",
            description = "Another HumanEval-format file to take solutions from.")
    Path benchmark;

    @Override
    public Integer call() {
        String source;
        List<Problem> problems;
        Optional<Path> file = Optional.ofNullable(benchmark).or(BenchExecCommand::sharedHumanEval);
        if (file.isPresent()) {
            source = file.get().toString();
            problems = ProblemFiles.read(file.get());
        } else {
            source = "engine fixture (8 HumanEval problems)";
            problems = fixture();
        }
        List<String> batch = new ArrayList<>(programs);
        for (int i = 0; i < programs; i++) {
            Problem problem = problems.get(i % problems.size());
            batch.add(problem.program(problem.canonicalSolution()));
        }
        SandboxOptions options = SandboxOptions.defaults().withCache(false).withIsolation(isolation.value());
        if (workers != null) options = options.withWorkers(workers);

        long opening = System.nanoTime();
        ObjectNode out = new ObjectMapper().createObjectNode();
        try (Sandbox sandbox = Sandbox.open(options)) {
            double startup = (System.nanoTime() - opening) / 1e9;
            double cpuBefore = sandbox.cpuSeconds() + jvmCpuSeconds();
            long started = System.nanoTime();
            List<ExecResult> results = sandbox.run(batch);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = sandbox.cpuSeconds() + jvmCpuSeconds() - cpuBefore;
            long passed = results.stream().filter(ExecResult::passed).count();
            out.put("programs", results.size())
                    .put("passed", passed)
                    .put("programs_per_s", Math.round(results.size() / seconds * 10) / 10.0)
                    .put("seconds", Math.round(seconds * 1000) / 1000.0)
                    .put("cpu_ms_per_program", Math.round(cpu / results.size() * 1e5) / 100.0)
                    .put("programs_per_cpu_s", Math.round(results.size() / cpu * 10) / 10.0)
                    .put("startup_s", Math.round(startup * 1000) / 1000.0)
                    .put("workers", options.workers())
                    .put("isolation", sandbox.isolation().label())
                    .put("unprivileged_uid", sandbox.unprivileged())
                    .put("python", sandbox.pythonVersion())
                    .put("source", source)
                    .put("load_average", loadAverage());
        }
        if (json) {
            spec.commandLine().getOut().println(out);
        } else {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "exec: %d programs (%d passed) in %.2f s = %.1f programs/s (%.2f CPU ms each, "
                                    + "%.0f per CPU second); %d workers, %s isolation, startup %.2f s, load %s%n",
                            out.get("programs").asInt(),
                            out.get("passed").asInt(),
                            out.get("seconds").asDouble(),
                            out.get("programs_per_s").asDouble(),
                            out.get("cpu_ms_per_program").asDouble(),
                            out.get("programs_per_cpu_s").asDouble(),
                            out.get("workers").asInt(),
                            out.get("isolation").asText(),
                            out.get("startup_s").asDouble(),
                            out.get("load_average").asText());
        }
        return 0;
    }

    /** ../shared/data from the working directory, else beside the repository this jar was built in. */
    private static Optional<Path> sharedHumanEval() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("..").resolve(SHARED_HUMANEVAL)));
        try {
            Path jar = Path.of(BenchExecCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path repository = jar.getParent().getParent().getParent(); // app/target/app.jar or app/target/classes
            candidates.add(repository.resolveSibling(SHARED_HUMANEVAL));
        } catch (URISyntaxException | RuntimeException e) {
            // no code source: only the working directory is tried
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    private static List<Problem> fixture() {
        try (InputStream in = Problem.class.getResourceAsStream(FIXTURE)) {
            Path tmp = Files.createTempFile("humaneval-fixture", ".jsonl");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                return ProblemFiles.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time of this JVM (the Java side of the sandbox), 0 where the JVM does not tell. */
    private static double jvmCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    List.of(Files.readString(Path.of("/proc/loadavg")).split(" "))
                            .subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}

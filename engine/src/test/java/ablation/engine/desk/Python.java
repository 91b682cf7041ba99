package ablation.engine.desk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs batches of trusted, generated Python in one python3 process (tests only: the sandbox for
 * untrusted code lives elsewhere). Tests that need python3 are skipped when it is missing.
 */
final class Python {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Executes each program in a fresh namespace: "ok" or the exception it raised (5 s limit each). */
    private static final String RUN = """
            import json, signal, sys
            def timeout(signum, frame):
                raise TimeoutError('more than 5 s')
            signal.signal(signal.SIGALRM, timeout)
            results = []
            for source in json.load(open(sys.argv[1])):
                signal.alarm(5)
                try:
                    exec(compile(source, '<desk>', 'exec'), {'__name__': '__desk__'})
                    results.append('ok')
                except BaseException as e:
                    results.append(type(e).__name__ + ': ' + str(e))
                finally:
                    signal.alarm(0)
            print(json.dumps(results))
            """;

    /** Compiles each source: "ok" or the syntax error. */
    private static final String COMPILE = """
            import json, sys
            results = []
            for source in json.load(open(sys.argv[1])):
                try:
                    compile(source, '<desk>', 'exec')
                    results.append('ok')
                except SyntaxError as e:
                    results.append('SyntaxError: ' + str(e))
            print(json.dumps(results))
            """;

    private Python() {}

    static void assumeAvailable() {
        boolean available;
        try {
            Process p = new ProcessBuilder("python3", "--version")
                    .redirectErrorStream(true)
                    .start();
            available = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "python3 not found on PATH: skipping the execution checks of the desk suite");
    }

    static List<String> run(List<String> programs) {
        return batch(RUN, programs);
    }

    static List<String> compile(List<String> sources) {
        return batch(COMPILE, sources);
    }

    private static List<String> batch(String script, List<String> inputs) {
        try {
            Path dir = Files.createTempDirectory("desk-python");
            try {
                Path scriptFile = Files.writeString(dir.resolve("batch.py"), script);
                Path inputFile = dir.resolve("inputs.json");
                JSON.writeValue(inputFile.toFile(), inputs);
                Process p = new ProcessBuilder("python3", "-I", "-S", scriptFile.toString(), inputFile.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0)
                    throw new IllegalStateException("python3 failed: " + out);
                List<String> results = JSON.readValue(out, new TypeReference<List<String>>() {});
                if (results.size() != inputs.size())
                    throw new IllegalStateException("python3 answered " + results.size() + " of " + inputs.size());
                return results;
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) Files.delete(f);
                }
                Files.delete(dir);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot run python3: " + e.getMessage(), e);
        }
    }
}

package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreCommandTest {
    static final String PROBLEM =
            "{\"task_id\": \"t/0\", \"prompt\": \"def inc(x):\\n\", \"canonical_solution\": \"    return x + 1\\n\", "
                    + "\"test\": \"def check(f):\\n    assert f(1) == 2\\n\", \"entry_point\": \"inc\"}\n";

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = Workbench.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsPassAtKAndWritesResultsBesideTheSamples() throws Exception {
        Path benchmark = Files.writeString(dir.resolve("bench.jsonl"), PROBLEM);
        Path samples = Files.writeString(
                dir.resolve("samples.jsonl"),
                "{\"task_id\": \"t/0\", \"completion\": \"    return x + 1\\n\"}\n{\"task_id\": \"t/0\", \"completion\": \"    return x\\n\"}\n");
        assertEquals(
                0,
                run("score", "--benchmark", benchmark.toString(), "--samples", samples.toString(), "--workers", "1"),
                err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(0.5, json.at("/pass_at_k/pass@1/value").asDouble(), 1e-12);
        assertTrue(json.at("/pass_at_k/pass@10").isMissingNode(), "k above n is left out of the defaults");
        assertEquals(1, json.at("/outcomes/passed").asInt());
        assertEquals(1, json.at("/outcomes/assertion").asInt());
        List<String> lines = Files.readAllLines(dir.resolve("samples.jsonl_results.jsonl"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains("\"result\":\"assertion\""), lines.get(1));
    }

    @Test
    void explicitKAboveNIsAUsageError() throws Exception {
        Path benchmark = Files.writeString(dir.resolve("bench.jsonl"), PROBLEM);
        Path samples =
                Files.writeString(dir.resolve("samples.jsonl"), "{\"task_id\": \"t/0\", \"completion\": \"\"}\n");
        assertEquals(
                Workbench.EXIT_USAGE,
                run("score", "--benchmark", benchmark.toString(), "--samples", samples.toString(), "--k", "1,10"));
        assertTrue(err.toString().contains("pass@10"), err.toString());
    }

    @Test
    void benchExecReportsThroughput() throws Exception {
        Path benchmark = Files.writeString(dir.resolve("bench.jsonl"), PROBLEM);
        assertEquals(
                0,
                run(
                        "bench",
                        "exec",
                        "--json",
                        "--workers",
                        "1",
                        "--programs",
                        "8",
                        "--benchmark",
                        benchmark.toString()),
                err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(8, json.get("programs").asInt());
        assertEquals(8, json.get("passed").asInt());
        assertTrue(json.get("programs_per_s").asDouble() > 0);
        assertTrue(List.of("bwrap", "rlimit").contains(json.get("isolation").asText()));
    }
}

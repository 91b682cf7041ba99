package ablation.engine.benchmark;

import ablation.core.WorkbenchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes benchmark files in the HumanEval / HumanEval-Infilling JSONL format
 * ({@code task_id, prompt, [suffix], canonical_solution, test, entry_point}), gzipped when the name
 * ends in {@code .gz}.
 */
public final class ProblemFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemFiles() {}

    public static List<Problem> read(Path file) {
        if (!Files.isRegularFile(file)) throw new WorkbenchException("benchmark file " + file + " does not exist");
        List<Problem> problems = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) continue;
                problems.add(parse(line, file, lineNumber));
            }
        } catch (IOException e) {
            throw new WorkbenchException("cannot read benchmark " + file + ": " + e.getMessage(), e);
        }
        if (problems.isEmpty()) throw new WorkbenchException("benchmark file " + file + " holds no problems");
        refuseDuplicateIds(file, problems);
        return problems;
    }

    /** Two problems with one task_id would be scored as one (the last winning): name them instead. */
    private static void refuseDuplicateIds(Path file, List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new TreeSet<>();
        for (Problem p : problems) {
            if (!seen.add(p.taskId())) repeated.add(p.taskId());
        }
        if (!repeated.isEmpty()) {
            throw new WorkbenchException("benchmark file " + file + " has duplicate task_ids " + repeated
                    + ": every problem needs its own task_id");
        }
    }

    /** Writes atomically: a temporary file renamed into place. */
    public static void write(Path file, List<Problem> problems) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream raw = Files.newOutputStream(tmp);
                    OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
                    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                for (Problem p : problems) {
                    writer.write(toJson(p));
                    writer.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException("cannot write benchmark " + file + ": " + e.getMessage(), e);
        }
    }

    public static String toJson(Problem p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("task_id", p.taskId());
        node.put("prompt", p.prompt());
        if (p.isInfill()) node.put("suffix", p.suffix());
        node.put("canonical_solution", p.canonicalSolution());
        node.put("test", p.test());
        node.put("entry_point", p.entryPoint());
        return node.toString();
    }

    private static Problem parse(String line, Path file, int lineNumber) {
        try {
            JsonNode node = JSON.readTree(line);
            return new Problem(
                    required(node, "task_id"),
                    required(node, "prompt"),
                    node.path("suffix").asText(""),
                    node.path("canonical_solution").asText(""),
                    required(node, "test"),
                    required(node, "entry_point"));
        } catch (IOException | IllegalArgumentException e) {
            throw new WorkbenchException(
                    file + " line " + lineNumber + ": not a benchmark problem (" + e.getMessage() + ")", e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual())
            throw new IllegalArgumentException("missing text field '" + field + "'");
        return value.asText();
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }
}

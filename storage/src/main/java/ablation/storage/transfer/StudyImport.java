package ablation.storage.transfer;

import ablation.storage.StoreException;
import ablation.storage.TrackingStore;
import ablation.storage.eval.EvalResult;
import ablation.storage.eval.Sample;
import ablation.storage.metric.MetricWriter;
import ablation.storage.run.Param;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import ablation.storage.run.RunStatus;
import ablation.storage.study.Study;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link StudyExport} document into a store as a new study (under its own name or another
 * one), streaming, one run, series or result at a time. The import is all or nothing: if it fails
 * half-way, the partly imported study is deleted again.
 */
public final class StudyImport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TrackingStore store;
    private final Map<Integer, Long> runIds = new HashMap<>();
    private Study study;

    private StudyImport(TrackingStore store) {
        this.store = store;
    }

    /**
     * @param newName the name for the imported study, or null to keep the exported one (which must
     *                then be new in this store)
     * @param source  what to say in error messages (the file name)
     */
    public static Study read(TrackingStore store, InputStream in, String newName, String source) {
        StudyImport importer = new StudyImport(store);
        try (JsonParser json = new JsonFactory().setCodec(MAPPER).createParser(in)) {
            importer.readDocument(json, newName, source);
            return importer.study;
        } catch (IOException e) {
            importer.rollBack();
            throw new StoreException(
                    source + " is not a workbench study export ("
                            + e.getMessage().split("\n")[0] + ")",
                    e);
        } catch (RuntimeException e) { // any failure: roll the partial import back, then rethrow
            importer.rollBack();
            throw e;
        }
    }

    private void readDocument(JsonParser json, String newName, String source) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw malformed(source, "it does not start with a JSON object");
        }
        boolean formatSeen = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "format" -> {
                    if (!StudyExport.FORMAT.equals(json.getText())) {
                        throw malformed(source, "format is '" + json.getText() + "'");
                    }
                    formatSeen = true;
                }
                case "version" -> {
                    if (json.getIntValue() > StudyExport.VERSION) {
                        throw new StoreException(source + " is a version " + json.getIntValue() + " export; this"
                                + " application reads up to version " + StudyExport.VERSION
                                + ": use a newer workbench");
                    }
                }
                case "study" -> {
                    if (!formatSeen) {
                        throw malformed(source, "no \"format\": \"" + StudyExport.FORMAT + "\" before the study");
                    }
                    JsonNode node = json.readValueAsTree();
                    String name = newName != null ? newName : text(node, "name");
                    study = store.studies().insert(name, text(node, "spec_json"), instant(node, "created_at", source));
                }
                case "runs" -> forEach(json, source, this::readRun);
                case "metrics" -> forEach(json, source, this::readSeries);
                case "evaluations" -> forEach(json, source, this::readEvaluation);
                case "artifacts" -> forEach(json, source, this::readArtifact);
                default -> json.skipChildren();
            }
        }
        if (study == null) {
            throw malformed(source, "it holds no study");
        }
    }

    @FunctionalInterface
    private interface ElementReader {
        void read(JsonNode element, String source);
    }

    private void forEach(JsonParser json, String source, ElementReader reader) throws IOException {
        if (study == null) {
            throw malformed(source, "runs, metrics or results come before the study");
        }
        if (json.currentToken() != JsonToken.START_ARRAY) {
            throw malformed(source, "'" + json.currentName() + "' is not an array");
        }
        while (json.nextToken() == JsonToken.START_OBJECT) {
            reader.read(json.readValueAsTree(), source);
        }
    }

    private void readRun(JsonNode node, String source) {
        JsonNode p = node.path("provenance");
        Run run = new Run(
                0,
                study.id(),
                text(node, "name"),
                RunStatus.ofDbValue(text(node, "status")),
                text(node, "config_json"),
                text(node, "config_hash"),
                text(node, "cell_key"),
                instant(node, "created_at", source),
                instant(node, "started_at", source),
                instant(node, "ended_at", source),
                instant(node, "heartbeat_at", source),
                text(node, "error"),
                new Provenance(
                        text(p, "app_version"),
                        text(p, "djl_version"),
                        text(p, "pytorch_version"),
                        text(p, "device"),
                        text(p, "host"),
                        text(p, "os"),
                        text(p, "java_version")));
        List<Param> params = new ArrayList<>();
        for (JsonNode param : node.path("params")) {
            JsonNode number = param.path("number");
            params.add(new Param(
                    text(param, "name"), text(param, "text"), number.isNumber() ? number.doubleValue() : null));
        }
        runIds.put(node.path("ref").asInt(), store.runs().restore(study.id(), run, params));
    }

    private void readSeries(JsonNode node, String source) {
        long runId = runId(node, source);
        String key = text(node, "key");
        JsonNode steps = node.path("steps");
        JsonNode values = node.path("values");
        JsonNode walls = node.path("wall_ms");
        if (steps.size() != values.size() || steps.size() != walls.size()) {
            throw malformed(
                    source,
                    "metric '" + key + "' has " + steps.size() + " steps, " + values.size() + " values and "
                            + walls.size() + " wall times");
        }
        try (MetricWriter writer =
                store.metrics().writer(runId, new MetricWriter.Settings(50_000, Duration.ofHours(1)))) {
            for (int i = 0; i < steps.size(); i++) {
                JsonNode value = values.get(i);
                writer.log(
                        key,
                        steps.get(i).asLong(),
                        value.isTextual() ? Double.parseDouble(value.asText()) : value.doubleValue(),
                        walls.get(i).asLong());
            }
        }
    }

    private void readEvaluation(JsonNode node, String source) {
        List<Sample> samples = new ArrayList<>();
        for (JsonNode s : node.path("samples")) {
            samples.add(new Sample(
                    s.path("index").asInt(),
                    text(s, "completion"),
                    text(s, "verdict"),
                    text(s, "detail"),
                    text(s, "finish_reason")));
        }
        store.evaluations()
                .record(
                        new EvalResult(
                                runId(node, source),
                                node.path("step").asLong(),
                                text(node, "benchmark"),
                                text(node, "mode"),
                                text(node, "problem"),
                                node.path("n").asInt(),
                                node.path("c").asInt()),
                        samples);
    }

    private void readArtifact(JsonNode node, String source) {
        Long runId = node.path("run").isNull() || node.path("run").isMissingNode() ? null : runId(node, source);
        JsonNode step = node.path("step");
        store.artifacts()
                .insert(
                        study.id(),
                        runId,
                        text(node, "kind"),
                        text(node, "path"),
                        step.isNumber() ? step.asLong() : null,
                        node.path("size_bytes").asLong(),
                        text(node, "sha256"),
                        instant(node, "created_at", source));
    }

    private long runId(JsonNode node, String source) {
        Long id = runIds.get(node.path("run").asInt());
        if (id == null) {
            throw malformed(source, "it refers to run " + node.path("run") + ", which is not among its runs");
        }
        return id;
    }

    private void rollBack() {
        if (study != null) {
            store.studies().delete(study.id());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field, String source) {
        String text = text(node, field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(source, "'" + field + "' is not a timestamp: " + text);
        }
    }

    private static StoreException malformed(String source, String what) {
        return new StoreException(source + " is not a workbench study export: " + what);
    }
}

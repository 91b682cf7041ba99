package ablation.storage.transfer;

import ablation.storage.TrackingStore;
import ablation.storage.artifact.Artifact;
import ablation.storage.eval.EvalResult;
import ablation.storage.eval.Sample;
import ablation.storage.metric.MetricPoint;
import ablation.storage.run.Param;
import ablation.storage.run.Provenance;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a study as one JSON document: the study, its runs (configs, provenance, parameters), every
 * metric point, evaluation results with their samples, and artifact rows. Runs are numbered 1..n
 * in the file ({@code ref}) rather than by database id, so an export imported elsewhere and
 * exported again is byte-identical. Non-finite metric values are the strings "NaN", "Infinity" and
 * "-Infinity". Streams: memory does not grow with the number of points.
 */
public final class StudyExport {
    /** The {@code format} field of an export; {@link StudyImport} checks it. */
    public static final String FORMAT = "ablation-workbench-study";

    public static final int VERSION = 1;

    private StudyExport() {}

    public static void write(TrackingStore store, String studyName, OutputStream out) {
        Study study = store.studies().require(studyName);
        List<Run> runs = store.runs().list(study.id());
        Map<Long, Integer> refs = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            refs.put(runs.get(i).id(), i + 1);
        }
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeObjectFieldStart("study");
            json.writeStringField("name", study.name());
            json.writeStringField("spec_json", study.specJson());
            instant(json, "created_at", study.createdAt());
            json.writeEndObject();
            json.writeArrayFieldStart("runs");
            for (Run run : runs) {
                writeRun(
                        json,
                        run,
                        refs.get(run.id()),
                        store.runs().params(run.id()).values());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("metrics");
            for (Run run : runs) {
                writeMetrics(json, store, run.id(), refs.get(run.id()));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("evaluations");
            for (Run run : runs) {
                for (Map.Entry<EvalResult, List<Sample>> e :
                        store.evaluations().resultsWithSamples(run.id()).entrySet()) {
                    writeEvaluation(json, e.getKey(), refs.get(run.id()), e.getValue());
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("artifacts");
            for (Artifact a : store.artifacts().ofStudy(study.id())) {
                json.writeStartObject();
                if (a.runId() == null) {
                    json.writeNullField("run");
                } else {
                    json.writeNumberField("run", refs.get(a.runId()));
                }
                json.writeStringField("kind", a.kind());
                json.writeStringField("path", a.path());
                nullableLong(json, "step", a.step());
                json.writeNumberField("size_bytes", a.sizeBytes());
                json.writeStringField("sha256", a.sha256());
                instant(json, "created_at", a.createdAt());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRun(JsonGenerator json, Run run, int ref, Iterable<Param> params) throws IOException {
        json.writeStartObject();
        json.writeNumberField("ref", ref);
        json.writeStringField("name", run.name());
        json.writeStringField("status", run.status().dbValue());
        json.writeStringField("config_json", run.configJson());
        json.writeStringField("config_hash", run.configHash());
        json.writeStringField("cell_key", run.cellKey());
        instant(json, "created_at", run.createdAt());
        instant(json, "started_at", run.startedAt());
        instant(json, "ended_at", run.endedAt());
        instant(json, "heartbeat_at", run.heartbeatAt());
        json.writeStringField("error", run.error());
        Provenance p = run.provenance();
        json.writeObjectFieldStart("provenance");
        json.writeStringField("app_version", p.appVersion());
        json.writeStringField("djl_version", p.djlVersion());
        json.writeStringField("pytorch_version", p.pytorchVersion());
        json.writeStringField("device", p.device());
        json.writeStringField("host", p.host());
        json.writeStringField("os", p.os());
        json.writeStringField("java_version", p.javaVersion());
        json.writeEndObject();
        json.writeArrayFieldStart("params");
        for (Param param : params) {
            json.writeStartObject();
            json.writeStringField("name", param.name());
            json.writeStringField("text", param.text());
            if (param.number() == null) {
                json.writeNullField("number");
            } else {
                json.writeNumberField("number", param.number());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** One object per metric key: parallel arrays of steps, values and wall times. */
    private static void writeMetrics(JsonGenerator json, TrackingStore store, long runId, int ref) {
        List<MetricPoint> series = new ArrayList<>();
        store.metrics().forEachPoint(runId, point -> {
            if (!series.isEmpty() && !series.get(0).key().equals(point.key())) {
                writeSeries(json, ref, series);
                series.clear();
            }
            series.add(point);
        });
        if (!series.isEmpty()) {
            writeSeries(json, ref, series);
        }
    }

    private static void writeSeries(JsonGenerator json, int ref, List<MetricPoint> points) {
        try {
            json.writeStartObject();
            json.writeNumberField("run", ref);
            json.writeStringField("key", points.get(0).key());
            json.writeArrayFieldStart("steps");
            for (MetricPoint p : points) {
                json.writeNumber(p.step());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("values");
            for (MetricPoint p : points) {
                if (Double.isFinite(p.value())) {
                    json.writeNumber(p.value());
                } else {
                    json.writeString(Double.toString(p.value()));
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("wall_ms");
            for (MetricPoint p : points) {
                json.writeNumber(p.wallMillis());
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeEvaluation(JsonGenerator json, EvalResult r, int ref, List<Sample> samples)
            throws IOException {
        json.writeStartObject();
        json.writeNumberField("run", ref);
        json.writeNumberField("step", r.checkpointStep());
        json.writeStringField("benchmark", r.benchmark());
        json.writeStringField("mode", r.mode());
        json.writeStringField("problem", r.problem());
        json.writeNumberField("n", r.n());
        json.writeNumberField("c", r.c());
        json.writeArrayFieldStart("samples");
        for (Sample s : samples) {
            json.writeStartObject();
            json.writeNumberField("index", s.index());
            json.writeStringField("completion", s.completion());
            json.writeStringField("verdict", s.verdict());
            json.writeStringField("detail", s.detail());
            json.writeStringField("finish_reason", s.finishReason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void instant(JsonGenerator json, String field, Instant value) throws IOException {
        json.writeStringField(field, value == null ? null : value.toString());
    }

    private static void nullableLong(JsonGenerator json, String field, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }
}

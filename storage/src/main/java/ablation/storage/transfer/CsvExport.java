package ablation.storage.transfer;

import ablation.storage.StoreException;
import ablation.storage.TrackingStore;
import ablation.storage.eval.EvalResult;
import ablation.storage.metric.MetricSummary;
import ablation.storage.run.Param;
import ablation.storage.run.Run;
import ablation.storage.study.Study;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A study's tables as CSV files for pandas, R or a spreadsheet, in long format: {@code runs.csv},
 * {@code params.csv}, {@code metrics.csv} (every point), {@code summaries.csv} and
 * {@code evaluations.csv}. Non-finite values are written NaN, Infinity, -Infinity.
 */
public final class CsvExport {
    private CsvExport() {}

    /**
     * Writes the files into {@code dir} (created if needed) and returns their paths. Each is written
     * to a {@code .partial} file first and all are moved into place only when every one is complete,
     * so a store that fails half-way (damaged, unreachable) leaves no truncated CSV behind.
     */
    public static List<Path> write(TrackingStore store, String studyName, Path dir) {
        Study study = store.studies().require(studyName);
        List<Run> runs = store.runs().list(study.id());
        List<Path> names = Stream.of("runs.csv", "params.csv", "metrics.csv", "summaries.csv", "evaluations.csv")
                .map(dir::resolve)
                .toList();
        List<Path> partials = names.stream()
                .map(f -> f.resolveSibling(f.getFileName() + ".partial"))
                .toList();
        try {
            Files.createDirectories(dir);
            writeAll(store, study, runs, partials);
            for (int i = 0; i < names.size(); i++) {
                Files.move(
                        partials.get(i),
                        names.get(i),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            return names;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(partials);
            throw new StoreException("cannot write CSV files to " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partials);
            throw e;
        }
    }

    private static void deleteQuietly(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: the error being reported matters more
            }
        }
    }

    private static void writeAll(TrackingStore store, Study study, List<Run> runs, List<Path> files)
            throws IOException {
        Path runsCsv = files.get(0);
        try (BufferedWriter out = Files.newBufferedWriter(runsCsv, StandardCharsets.UTF_8)) {
            row(
                    out,
                    "run_id",
                    "name",
                    "status",
                    "cell_key",
                    "config_hash",
                    "created_at",
                    "started_at",
                    "ended_at",
                    "device",
                    "host",
                    "error");
            for (Run r : runs) {
                row(
                        out,
                        r.id(),
                        r.name(),
                        r.status().dbValue(),
                        r.cellKey(),
                        r.configHash(),
                        r.createdAt(),
                        r.startedAt(),
                        r.endedAt(),
                        r.provenance().device(),
                        r.provenance().host(),
                        r.error());
            }
        }
        Path paramsCsv = files.get(1);
        try (BufferedWriter out = Files.newBufferedWriter(paramsCsv, StandardCharsets.UTF_8)) {
            row(out, "run_id", "name", "value");
            for (Map.Entry<Long, Map<String, Param>> run :
                    store.runs().paramsOfStudy(study.id()).entrySet()) {
                for (Param p : run.getValue().values()) {
                    row(out, run.getKey(), p.name(), p.display());
                }
            }
        }
        Path metricsCsv = files.get(2);
        try (BufferedWriter out = Files.newBufferedWriter(metricsCsv, StandardCharsets.UTF_8)) {
            row(out, "run_id", "run", "key", "step", "value", "wall_ms");
            for (Run r : runs) {
                store.metrics().forEachPoint(r.id(), p -> {
                    try {
                        row(out, r.id(), r.name(), p.key(), p.step(), p.value(), p.wallMillis());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        Path summariesCsv = files.get(3);
        try (BufferedWriter out = Files.newBufferedWriter(summariesCsv, StandardCharsets.UTF_8)) {
            row(out, "run_id", "key", "points", "nonfinite", "first_step", "first", "last_step", "last", "min", "max");
            for (List<MetricSummary> summaries :
                    store.metrics().summariesOfStudy(study.id()).values()) {
                for (MetricSummary s : summaries) {
                    row(
                            out,
                            s.runId(),
                            s.key(),
                            s.points(),
                            s.nonFinite(),
                            s.firstStep(),
                            s.first(),
                            s.lastStep(),
                            s.last(),
                            s.min(),
                            s.max());
                }
            }
        }
        Path evaluationsCsv = files.get(4);
        try (BufferedWriter out = Files.newBufferedWriter(evaluationsCsv, StandardCharsets.UTF_8)) {
            row(out, "run_id", "step", "benchmark", "mode", "problem", "n", "c");
            for (Run r : runs) {
                for (EvalResult e : store.evaluations().results(r.id())) {
                    row(out, r.id(), e.checkpointStep(), e.benchmark(), e.mode(), e.problem(), e.n(), e.c());
                }
            }
        }
    }

    private static void row(BufferedWriter out, Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields[i]));
        }
        out.write('\n');
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

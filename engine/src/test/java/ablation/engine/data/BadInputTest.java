package ablation.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigException;
import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
    @TempDir
    Path dir;

    private final Tokenizer tokenizer = new ByteTokenizer(16);

    private RunConfig config(String source) {
        return ConfigLoader.parse("""
                name: t
                model: {context: 32}
                data: {holdout_docs: 1, cache_dir: %s, sources: [%s]}
                """.formatted(dir.resolve("cache"), source));
    }

    private WorkbenchException failure(String source) {
        return assertThrows(WorkbenchException.class, () -> DataPipeline.prepare(config(source), tokenizer, 1));
    }

    private void assertCacheEmpty() throws IOException {
        if (!Files.exists(dir.resolve("cache"))) return;
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            assertEquals(List.of(), entries.toList(), "nothing half-written");
        }
    }

    @Test
    void invalidUtf8FailsWithTheFileOrIsSkippedAndCounted() throws IOException {
        Path code = Files.createDirectories(dir.resolve("code"));
        Files.writeString(code.resolve("a.py"), "print('a')\n");
        Files.writeString(code.resolve("b.py"), "print('b')\n");
        Files.write(code.resolve("bad.py"), new byte[] {'x', (byte) 0xC3, (byte) 0x28});
        WorkbenchException e = failure("{name: py, kind: files, path: " + code + "}");
        assertTrue(e.getMessage().contains("bad.py") && e.getMessage().contains("UTF-8"), e.getMessage());
        assertCacheEmpty();

        DataPipeline skipping = DataPipeline.prepare(
                config("{name: py, kind: files, path: " + code + ", on_bad_record: skip}"), tokenizer, 1);
        String line = skipping.describe().get(0);
        assertTrue(
                line.contains("2 documents") && line.contains("1 bad records skipped") && line.contains("bad.py"),
                line);
    }

    @Test
    void malformedJsonlLinesAreReportedWithFileAndLine() throws IOException {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(
                file,
                "{\"content\": \"one\"}\n{\"content\": \"two\"}\n{not json\n{\"content\": 3}\n{\"content\": \"five\"}\n");
        WorkbenchException e = failure("{name: stack, kind: jsonl, path: " + file + "}");
        assertTrue(
                e.getMessage().contains("data.jsonl:3") && e.getMessage().contains("not valid JSON"), e.getMessage());
        assertCacheEmpty();

        DataPipeline skipping = DataPipeline.prepare(
                config("{name: stack, kind: jsonl, path: " + file + ", on_bad_record: skip}"), tokenizer, 1);
        assertTrue(
                skipping.describe().get(0).contains("3 documents")
                        && skipping.describe().get(0).contains("2 bad records"),
                skipping.describe().get(0));
    }

    @Test
    void aMissingTextFieldIsNamed() throws IOException {
        Path file = dir.resolve("pile.jsonl");
        Files.writeString(file, "{\"text\": \"one\"}\n");
        WorkbenchException e = failure("{name: pile, kind: jsonl, path: " + file + "}");
        assertTrue(
                e.getMessage().contains("pile.jsonl:1")
                        && e.getMessage().contains("'content'")
                        && e.getMessage().contains("text_field"),
                e.getMessage());
    }

    @Test
    void gzippedJsonlAndGlobsAreRead() throws IOException {
        Path shards = Files.createDirectories(dir.resolve("shards"));
        for (int s = 0; s < 2; s++) {
            try (OutputStream out =
                    new GZIPOutputStream(Files.newOutputStream(shards.resolve("part-" + s + ".jsonl.gz")))) {
                for (int i = 0; i < 3; i++)
                    out.write(("{\"content\": \"doc " + s + "/" + i + " ✓\"}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.writeString(shards.resolve("other.txt"), "not matched");
        DataPipeline data = DataPipeline.prepare(
                config("{name: stack, kind: jsonl, path: '" + shards + "/part-*.jsonl.gz'}"), tokenizer, 1);
        assertTrue(
                data.describe().get(0).contains("6 documents"), data.describe().get(0));
        assertTrue(
                data.heldOut().get(0).text().matches("doc \\d/\\d ✓"),
                data.heldOut().toString());
    }

    @Test
    void emptyAndMissingSourcesAreErrors() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("image.png"), "no language");
        assertTrue(failure("{name: e, kind: files, path: " + empty + "}")
                .getMessage()
                .contains("no code or text files at"));
        assertTrue(failure("{name: m, kind: files, path: " + dir.resolve("missing") + "}")
                .getMessage()
                .contains("does not exist"));
        Files.writeString(empty.resolve("blank.py"), "");
        assertTrue(failure("{name: e, kind: files, path: " + empty + "}")
                .getMessage()
                .contains("no documents"));
        Path one = Files.createDirectories(dir.resolve("one"));
        Files.writeString(one.resolve("a.py"), "x = 1\n");
        assertTrue(failure("{name: one, kind: files, path: " + one + "}")
                .getMessage()
                .contains("data.holdout_docs"));
    }

    @Test
    void badWeightsAndObjectiveSettingsNameTheField() {
        String base = "name: t\ndata: {sources: [{name: a, kind: files, path: /tmp, weight: %s}]}\n";
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.parse(base.formatted("-1")))
                .getMessage()
                .contains("weight = -1.0"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.parse(base.formatted("0")))
                .getMessage()
                .contains("positive weight"));
        assertTrue(assertThrows(
                        ConfigException.class,
                        () -> ConfigLoader.parse(base.formatted("1") + "objective: {clm: 0.5, fim: 0.4}"))
                .getMessage()
                .contains("sum to 1"));
        for (String ratio : new String[] {"0", "1", "1.5"}) {
            String span = "objective: {span: {ratio_min: " + ratio + "}}";
            assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.parse(base.formatted("1") + span))
                    .getMessage()
                    .contains("objective.span.ratio_min"));
        }
        assertTrue(assertThrows(
                        ConfigException.class,
                        () -> ConfigLoader.parse(
                                base.formatted("1")
                                        + "tokenizer: {mask_tokens: 8}\nobjective: {clm: 0.5, span_corruption: 0.5, span: {max_spans: 9}}"))
                .getMessage()
                .contains("objective.span.max_spans = 9"));
        assertEquals(2023, ConfigLoader.parse(base.formatted("1")).data().deskSeed());
    }

    @Test
    void spanSettingsThatCannotBeRealisedOrDoNotFitTheContextNameTheField() {
        String spans = "name: t\ndata: {sources: [{name: a, kind: desk-pl}]}\nmodel: {context: %d}\n"
                + "objective: {clm: 0.5, span_corruption: 0.5, span: {%s}}";
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("ratio_min: 0.3, ratio_max: 0.2", "objective.span.ratio_max = 0.2");
        bad.put("ratio_max: 0.8, length_min: 1, length_max: 5", "objective.span.ratio_max = 0.8"); // 3/(3+1) at most
        bad.put("length_min: 4, length_max: 3", "objective.span.length_max = 3");
        bad.put("length_min: 0", "objective.span.length_min = 0");
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            String message = assertThrows(
                            ConfigException.class, () -> ConfigLoader.parse(spans.formatted(256, entry.getKey())))
                    .getMessage();
            assertTrue(message.contains(entry.getValue()), entry.getKey() + ": " + message);
        }
        String tooLong = assertThrows(
                        ConfigException.class,
                        () -> ConfigLoader.parse(
                                spans.formatted(12, "length_min: 8, length_max: 12, ratio_min: 0.6, ratio_max: 0.6")))
                .getMessage();
        assertTrue(tooLong.contains("objective.span.length_max = 12") && tooLong.contains("model.context 12"), tooLong);
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.parse(spans.formatted(64, "ratio_min: 0.01")))
                .getMessage()
                .contains("objective.span.ratio_min = 0.01"));
        String masks = assertThrows(
                        ConfigException.class, () -> ConfigLoader.parse(spans.formatted(2048, "max_spans: 32")))
                .getMessage();
        assertTrue(masks.contains("objective.span.max_spans = 32") && masks.contains("205 spans"), masks);
        assertEquals(
                0.3,
                ConfigLoader.parse(spans.formatted(128, "max_spans: 16"))
                        .objective()
                        .span()
                        .ratioMax(),
                "the quick study's span settings fit its context");
        ConfigLoader.parse(spans.formatted(2048, "max_spans: 32").replace("clm: 0.5, span_corruption: 0.5, ", ""));
    }
}

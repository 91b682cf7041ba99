package ablation.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigException;
import ablation.core.config.TokenizerConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizersTest {
    /** A hand-made tokenizer.json in CodeGen2's layout: GPT-2 byte order, end of text special, the rest added non-special. */
    static Path fixture() throws URISyntaxException {
        return Path.of(TokenizersTest.class
                .getResource("codegen2-style-tokenizer.json")
                .toURI());
    }

    @Test
    void loadsACodeGen2StyleTokenizer() throws Exception {
        try (BpeTokenizer t = Tokenizers.load(fixture())) {
            assertEquals(278, t.vocabSize());
            assertEquals(269, t.specialId(Tokenizer.END_OF_TEXT));
            assertEquals(274, t.specialId(Tokenizer.SEP), "added with special=false, still a control token");
            assertEquals(275, t.specialId(Tokenizer.END_OF_MASK));
            assertEquals(277, t.specialId(Tokenizer.mask(1)));
            assertEquals(276, t.specialId(Tokenizer.mask(2)));
            assertFalse(t.hasSpecial("   "));
            assertFalse(t.hasSpecial(Tokenizer.PAD));
            assertThrows(WorkbenchException.class, () -> t.specialId(Tokenizer.FIM_PREFIX));

            assertArrayEquals(new int[] {258}, t.encode(" the"), "merges Ġ t, h e, Ġt he");
            assertArrayEquals(new int[] {268, 270, 266}, t.encode("def    return"), "def, 3-space run, Ġreturn");
            assertArrayEquals(new int[] {272, 273}, t.encode("\t\t\t\t\t"));
            assertEquals("a<sep>b<|endoftext|>", t.decode(new int[] {64, 274, 65, 269}));
            for (String text : List.of("<sep> <mask_1><|endoftext|>", "  x\n\t\t\ty", "héllo wörld 😀")) {
                int[] ids = t.encode(text);
                assertEquals(text, t.decode(ids));
                assertTrue(
                        java.util.Arrays.stream(ids)
                                .noneMatch(id -> t.specialTokens().containsValue(id)),
                        text);
            }
            Random random = new Random(3);
            for (int n = 0; n < 300; n++) {
                String text = BpeTokenizerTest.randomText(random, 30);
                assertEquals(text, t.decode(t.encode(text)));
            }
        }
    }

    @Test
    void hashIgnoresFormatting(@TempDir Path dir) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Path compact = dir.resolve("compact.json");
        Files.write(compact, mapper.writeValueAsBytes(mapper.readTree(fixture().toFile())));
        try (BpeTokenizer pretty = Tokenizers.load(fixture());
                BpeTokenizer dense = Tokenizers.load(compact)) {
            assertEquals(pretty.sha256(), dense.sha256());
            assertEquals(64, pretty.sha256().length());
        }
        ObjectNode changed = (ObjectNode) mapper.readTree(fixture().toFile());
        ((ObjectNode) changed.path("model").path("vocab")).put("Ġthe", 258);
        ((com.fasterxml.jackson.databind.node.ArrayNode) changed.path("model").path("merges")).remove(12);
        Path other = dir.resolve("other.json");
        mapper.writeValue(other.toFile(), changed);
        try (BpeTokenizer pretty = Tokenizers.load(fixture());
                BpeTokenizer edited = Tokenizers.load(other)) {
            assertNotEquals(pretty.sha256(), edited.sha256());
        }
    }

    @Test
    void rejectsTokenizersThatCannotRoundTrip(@TempDir Path dir) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode lowercase = (ObjectNode) mapper.readTree(fixture().toFile());
        lowercase.putObject("normalizer").put("type", "Lowercase");
        assertRejected(dir, mapper, lowercase, "normalizer Lowercase");

        ObjectNode prefixSpace = (ObjectNode) mapper.readTree(fixture().toFile());
        ((ObjectNode) prefixSpace.path("pre_tokenizer")).put("add_prefix_space", true);
        assertRejected(dir, mapper, prefixSpace, "add_prefix_space");

        ObjectNode whitespace = (ObjectNode) mapper.readTree(fixture().toFile());
        whitespace.putObject("pre_tokenizer").put("type", "Whitespace");
        assertRejected(dir, mapper, whitespace, "pre_tokenizer Whitespace");

        ObjectNode wordPiece = (ObjectNode) mapper.readTree(fixture().toFile());
        ((ObjectNode) wordPiece.path("model")).put("type", "WordPiece");
        assertRejected(dir, mapper, wordPiece, "WordPiece");

        ObjectNode wrongId = (ObjectNode) mapper.readTree(fixture().toFile());
        ((ObjectNode) wrongId.path("added_tokens").get(0)).put("id", 5);
        assertRejected(dir, mapper, wrongId, "<|endoftext|>");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"model\": ");
        assertTrue(assertThrows(WorkbenchException.class, () -> Tokenizers.load(broken))
                .getMessage()
                .contains("not valid JSON"));
        assertThrows(WorkbenchException.class, () -> Tokenizers.load(dir.resolve("missing.json")));
    }

    private static void assertRejected(Path dir, ObjectMapper mapper, ObjectNode tree, String expected)
            throws Exception {
        Path file = Files.createTempFile(dir, "bad", ".json");
        mapper.writeValue(file.toFile(), tree);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Tokenizers.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void forConfigTrainsOnceAndThenReusesTheCache(@TempDir Path cache) throws Exception {
        List<String> corpus = SyntheticCode.generate(8, 200);
        AtomicInteger opened = new AtomicInteger();
        Supplier<Stream<String>> documents = () -> {
            opened.incrementAndGet();
            return corpus.stream();
        };
        TokenizerConfig config = new TokenizerConfig(null, new TokenizerConfig.Train(800, 20), 16);
        String first;
        try (BpeTokenizer t = Tokenizers.forConfig(config, documents, cache)) {
            first = t.sha256();
            assertEquals(800, t.vocabSize());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(cache)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertEquals(first, BpeTokenizer.sha256(Files.readAllBytes(files.get(0))));

        // Replace the cached file: a second run must load it rather than train again.
        Files.copy(fixture(), files.get(0), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (BpeTokenizer again = Tokenizers.forConfig(config, documents, cache);
                BpeTokenizer fixture = Tokenizers.load(fixture())) {
            assertEquals(fixture.sha256(), again.sha256());
        }
        assertEquals(2, opened.get(), "the corpus is read to hash the sample");

        // Another vocabulary size is another cache entry.
        try (BpeTokenizer bigger = Tokenizers.forConfig(
                new TokenizerConfig(null, new TokenizerConfig.Train(900, 20), 16), documents, cache)) {
            assertEquals(900, bigger.vocabSize());
        }
        try (Stream<Path> s = Files.list(cache)) {
            assertEquals(2, s.count());
        }
    }

    @Test
    void forConfigSamplesOnlyTheFirstMegabytes(@TempDir Path cache) {
        List<String> corpus = SyntheticCode.generate(8, 200);
        TokenizerConfig small = new TokenizerConfig(null, new TokenizerConfig.Train(600, 0.02), 16);
        List<String> longer = new java.util.ArrayList<>(corpus);
        longer.addAll(SyntheticCode.generate(9, 200));
        try (BpeTokenizer a = Tokenizers.forConfig(small, corpus::stream, cache.resolve("a"));
                BpeTokenizer b = Tokenizers.forConfig(small, longer::stream, cache.resolve("b"))) {
            assertEquals(a.sha256(), b.sha256(), "documents past sample_mb do not change the tokenizer");
        }
        CorpusSample sample = CorpusSample.take(corpus.iterator(), 20_000);
        assertEquals(20_000, sample.bytes(), 4);
    }

    @Test
    void forConfigLoadsAPath() throws Exception {
        TokenizerConfig config = new TokenizerConfig(fixture().toString(), null, 64);
        try (BpeTokenizer t = Tokenizers.forConfig(
                config,
                () -> {
                    throw new AssertionError("a tokenizer path needs no corpus");
                },
                Path.of("unused"))) {
            assertEquals(278, t.vocabSize());
        }
    }

    @Test
    void emptyCorpusAndTooSmallVocabularyAreUserErrors(@TempDir Path cache) {
        TokenizerConfig config = new TokenizerConfig(null, new TokenizerConfig.Train(600, 1), 16);
        assertThrows(WorkbenchException.class, () -> Tokenizers.forConfig(config, Stream::empty, cache));
        ConfigException e = assertThrows(
                ConfigException.class, () -> new TokenizerConfig(null, new TokenizerConfig.Train(600, 1), 899));
        assertEquals("tokenizer.train.vocab_size", e.field());
    }

    @Test
    void corpusSampleCutsAtACharacterBoundary() {
        CorpusSample sample = CorpusSample.take(List.of("ab", "c😀d").iterator(), 5);
        assertEquals(List.of("ab", "c"), sample.documents(), "the emoji (4 bytes) does not fit in the 3 left");
        assertEquals(3, sample.bytes());
        assertNotEquals(
                sample.sha256(),
                CorpusSample.take(List.of("a", "bc").iterator(), 5).sha256(),
                "document boundaries count");
    }
}

package ablation.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.Arch;
import ablation.core.config.EvalMode;
import ablation.engine.model.CodeGenModel;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SamplerTest {
    static final Tokenizer TOKENIZER = new ByteTokenizer(4);
    static final StopRule NO_STOP = new StopRule(new int[0], List.of());
    static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static int[] prompt(String text) {
        return PromptFormat.L2R.render(TOKENIZER, text, "");
    }

    static List<int[]> tokens(List<Completion> completions) {
        return completions.stream().map(Completion::tokens).toList();
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void cachedAndUncachedGreedyDecodingGiveIdenticalTokens(Arch arch) {
        try (CodeGenModel model = TinyModels.random(arch, TOKENIZER, manager, 5)) {
            SamplingConfig greedy = SamplingConfig.greedy(24);
            int[] prompt = prompt("def add(a, b):\n");
            List<Completion> cached =
                    new Sampler(model, TOKENIZER, Sampler.Decoding.CACHED, 8).sample(prompt, 2, greedy, NO_STOP, 1);
            List<Completion> uncached =
                    new Sampler(model, TOKENIZER, Sampler.Decoding.UNCACHED, 8).sample(prompt, 2, greedy, NO_STOP, 1);
            assertEquals(24, cached.get(0).tokens().length);
            assertArrayEquals(uncached.get(0).tokens(), cached.get(0).tokens());
            assertArrayEquals(cached.get(0).tokens(), cached.get(1).tokens(), "greedy rows of one batch agree");
            assertEquals(Completion.Finish.LENGTH, cached.get(0).finish());
        }
    }

    @Test
    void cachedAndUncachedSamplingGiveIdenticalTokensForASeed() {
        try (CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 6)) {
            SamplingConfig config = new SamplingConfig(1.0, 0.9, 0, 16);
            int[] prompt = prompt("x = ");
            List<Completion> cached =
                    new Sampler(model, TOKENIZER, Sampler.Decoding.CACHED, 8).sample(prompt, 3, config, NO_STOP, 9);
            List<Completion> uncached =
                    new Sampler(model, TOKENIZER, Sampler.Decoding.UNCACHED, 8).sample(prompt, 3, config, NO_STOP, 9);
            for (int i = 0; i < 3; i++)
                assertArrayEquals(uncached.get(i).tokens(), cached.get(i).tokens(), "sample " + i);
        }
    }

    @Test
    void sameSeedSameSamplesWhateverTheBatchOtherSeedOtherSamples() {
        try (CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 7)) {
            SamplingConfig config = new SamplingConfig(1.0, 1.0, 0, 12);
            int[] prompt = prompt("import os\n");
            List<int[]> a = tokens(
                    new Sampler(model, TOKENIZER, Sampler.Decoding.CACHED, 32).sample(prompt, 5, config, NO_STOP, 3));
            List<int[]> b = tokens(
                    new Sampler(model, TOKENIZER, Sampler.Decoding.CACHED, 2).sample(prompt, 5, config, NO_STOP, 3));
            List<int[]> c = tokens(
                    new Sampler(model, TOKENIZER, Sampler.Decoding.CACHED, 32).sample(prompt, 5, config, NO_STOP, 4));
            for (int i = 0; i < 5; i++)
                assertArrayEquals(a.get(i), b.get(i), "sample " + i + " does not depend on the chunking");
            assertNotEquals(
                    List.of(a.get(0), a.get(1)).toString(),
                    List.of(c.get(0), c.get(1)).toString());
            assertTrue(
                    a.stream().map(java.util.Arrays::toString).distinct().count() > 1, "samples of one prompt differ");
        }
    }

    @Test
    void topKOneAndATinyNucleusAreGreedy() {
        try (CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 8)) {
            Sampler sampler = new Sampler(model, TOKENIZER);
            int[] prompt = prompt("for i in range(");
            int[] greedy = sampler.sample(prompt, 1, SamplingConfig.greedy(16), NO_STOP, 1)
                    .get(0)
                    .tokens();
            for (Completion c : sampler.sample(prompt, 3, new SamplingConfig(1.5, 1.0, 1, 16), NO_STOP, 2)) {
                assertArrayEquals(greedy, c.tokens(), "top-k 1");
            }
            for (Completion c : sampler.sample(prompt, 3, new SamplingConfig(1.5, 1e-9, 0, 16), NO_STOP, 2)) {
                assertArrayEquals(greedy, c.tokens(), "top-p 1e-9");
            }
        }
    }

    @Test
    void aStopSequenceCutsTheTextExactlyWhereItStarts() {
        try (CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 9)) {
            TinyModels.only(model, TinyModels::ascii);
            Sampler sampler = new Sampler(model, TOKENIZER);
            int[] prompt = prompt("def f(x):\n");
            String full = sampler.sample(prompt, 1, SamplingConfig.greedy(30), NO_STOP, 1)
                    .get(0)
                    .text();
            assertEquals(30, full.length());
            String stopAt = full.substring(11, 13);
            Completion cut = sampler.sample(
                            prompt, 1, SamplingConfig.greedy(30), new StopRule(new int[0], List.of("@@", stopAt)), 1)
                    .get(0);
            assertEquals(full.substring(0, full.indexOf(stopAt)), cut.text());
            assertEquals(Completion.Finish.STOP_SEQUENCE, cut.finish());
            assertEquals(
                    full.indexOf(stopAt) + stopAt.length(),
                    cut.generated(),
                    "generation stops at the token that completes the stop");
        }
    }

    @Test
    void aStopTokenEndsTheSampleAndIsNotPartOfIt() {
        try (CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 10)) {
            int eom = TOKENIZER.specialId(Tokenizer.END_OF_MASK);
            TinyModels.only(model, id -> id == eom);
            List<Completion> done = new Sampler(model, TOKENIZER)
                    .sample(
                            prompt("a"),
                            2,
                            new SamplingConfig(1, 1, 0, 10),
                            StopRule.of(EvalMode.INFILL, TOKENIZER),
                            1);
            for (Completion c : done) {
                assertEquals("", c.text());
                assertEquals(Completion.Finish.STOP_TOKEN, c.finish());
                assertEquals(1, c.generated());
            }
        }
    }

    @Test
    void aLongPromptLosesItsStartAndGenerationStopsAtTheContext() {
        try (CodeGenModel model = TinyModels.random(Arch.CAUSAL, TOKENIZER, manager, 11)) {
            Sampler sampler = new Sampler(model, TOKENIZER);
            int[] longPrompt = prompt("y".repeat(200));
            int limit = sampler.promptLimit(20);
            assertEquals(TinyModels.CONTEXT - 19, limit);
            int[] tail = java.util.Arrays.copyOfRange(longPrompt, longPrompt.length - limit, longPrompt.length);
            assertArrayEquals(
                    sampler.sample(tail, 1, SamplingConfig.greedy(20), NO_STOP, 1)
                            .get(0)
                            .tokens(),
                    sampler.sample(longPrompt, 1, SamplingConfig.greedy(20), NO_STOP, 1)
                            .get(0)
                            .tokens());
            Completion capped = sampler.sample(prompt("z"), 1, SamplingConfig.greedy(500), NO_STOP, 1)
                    .get(0);
            assertEquals(
                    TinyModels.CONTEXT,
                    capped.generated(),
                    "prompt 1 + 63 fed tokens fill the context; the last is not fed");
        }
    }
}

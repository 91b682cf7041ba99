package ablation.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.FimFormat;
import ablation.core.config.FimLevel;
import ablation.core.config.ObjectiveConfig;
import ablation.engine.objective.ObjectiveMix;
import ablation.engine.objective.StreamSource;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Infill prompts must be laid out token for token as the objectives lay out their training
 * examples: each test builds training examples with {@link ObjectiveMix}, reads prefix and suffix
 * back from them, renders the prompt and finds it in the example, right before the middle.
 */
class PromptFormatTest {
    static final Tokenizer TOKENIZER = new ByteTokenizer(4);
    static final int EOT = TOKENIZER.specialId(Tokenizer.END_OF_TEXT);
    static final int SEP = TOKENIZER.specialId(Tokenizer.SEP);
    static final int EOM = TOKENIZER.specialId(Tokenizer.END_OF_MASK);
    static final int MASK1 = TOKENIZER.specialId(Tokenizer.mask(1));
    static final int PRE = TOKENIZER.specialId(Tokenizer.FIM_PREFIX);
    static final int SUF = TOKENIZER.specialId(Tokenizer.FIM_SUFFIX);
    static final int MID = TOKENIZER.specialId(Tokenizer.FIM_MIDDLE);
    static final List<String> DOCUMENTS = List.of(
            "def area(w, h):\n    return w * h\n",
            "def shout(text):\n    \"\"\"Upper case.\"\"\"\n    return text.upper() + '!'\n",
            "x = [i * i for i in range(10)]\nprint(sum(x))\n");

    static ObjectiveConfig objective(double spanCorruption, double fim, FimFormat format, double spmShare) {
        return new ObjectiveConfig(
                1 - spanCorruption - fim,
                0,
                spanCorruption,
                fim,
                1.0,
                format,
                spmShare,
                FimLevel.DOCUMENT,
                true,
                new ObjectiveConfig.Prefix(0.1, 0.9),
                new ObjectiveConfig.Span(0.05, 0.3, 1, 5, 1, true));
    }

    static int[] example(ObjectiveConfig objective, long seed) {
        return new ObjectiveMix(objective, TOKENIZER)
                .build(
                        new StreamSource(
                                DOCUMENTS.stream().map(TOKENIZER::encode).toList(), EOT),
                        240,
                        new SplittableRandom(seed))
                .tokens();
    }

    static int indexOf(int[] tokens, int token, int from) {
        for (int i = from; i < tokens.length; i++) if (tokens[i] == token) return i;
        return -1;
    }

    static int lastIndexOf(int[] tokens, int token, int before) {
        for (int i = before - 1; i >= 0; i--) if (tokens[i] == token) return i;
        return -1;
    }

    static String text(int[] tokens, int from, int to) {
        return TOKENIZER.decode(Arrays.copyOfRange(tokens, from, to));
    }

    @Test
    void codegen2InfillPromptIsTheFimTrainingLayoutUpToTheMiddle() {
        int checked = 0;
        for (long seed = 0; seed < 40; seed++) {
            int[] tokens = example(objective(0, 1, FimFormat.CODEGEN2, 0.5), seed);
            for (int sep = indexOf(tokens, SEP, 0); sep >= 0; sep = indexOf(tokens, SEP, sep + 1)) {
                int mask = lastIndexOf(tokens, MASK1, sep - 1);
                int start = lastIndexOf(tokens, EOT, mask) + 1;
                int end = indexOf(tokens, EOM, sep);
                if (start == 0 || mask < 0 || end < 0) continue; // the example starts or ends inside this one
                int[] prompt = PromptFormat.CODEGEN2.render(
                        TOKENIZER, text(tokens, start, mask), text(tokens, mask + 1, sep - 1));
                assertArrayEquals(Arrays.copyOfRange(tokens, start - 1, sep + 2), prompt, "seed " + seed);
                checked++;
            }
        }
        assertTrue(checked > 20, "enough transformed documents: " + checked);
    }

    @Test
    void psmPromptIsThePsmTrainingLayoutUpToTheMiddle() {
        int checked = 0;
        for (long seed = 0; seed < 40; seed++) {
            int[] tokens = example(objective(0, 1, FimFormat.PSM_SPM, 0), seed);
            for (int pre = indexOf(tokens, PRE, 1); pre >= 0; pre = indexOf(tokens, PRE, pre + 1)) {
                int suf = indexOf(tokens, SUF, pre);
                int mid = indexOf(tokens, MID, pre);
                if (mid < 0 || tokens[pre - 1] != EOT) continue;
                int[] prompt =
                        PromptFormat.PSM.render(TOKENIZER, text(tokens, pre + 1, suf), text(tokens, suf + 1, mid));
                assertArrayEquals(Arrays.copyOfRange(tokens, pre - 1, mid + 1), prompt, "seed " + seed);
                checked++;
            }
        }
        assertTrue(checked > 20, "enough transformed documents: " + checked);
    }

    @Test
    void spmPromptIsTheSpmTrainingLayoutUpToTheMiddle() {
        int checked = 0;
        for (long seed = 0; seed < 40; seed++) {
            int[] tokens = example(objective(0, 1, FimFormat.PSM_SPM, 1), seed);
            for (int pre = indexOf(tokens, PRE, 1); pre >= 0; pre = indexOf(tokens, PRE, pre + 1)) {
                int mid = indexOf(tokens, MID, pre);
                int next = indexOf(tokens, EOT, mid);
                if (mid < 0 || next < 0 || tokens[pre - 1] != EOT) continue;
                assertEquals(SUF, tokens[pre + 1]);
                // prefix and middle are not marked apart after <fim_middle>: any split point renders the same prompt
                int split = mid + 1 + (next - mid - 1) / 2;
                int[] prompt =
                        PromptFormat.SPM.render(TOKENIZER, text(tokens, mid + 1, split), text(tokens, pre + 2, mid));
                assertArrayEquals(Arrays.copyOfRange(tokens, pre - 1, split), prompt, "seed " + seed);
                checked++;
            }
        }
        assertTrue(checked > 20, "enough transformed documents: " + checked);
    }

    @Test
    void spanCorruptionWithOneSpanIsTheCodegen2Layout() {
        int checked = 0;
        for (long seed = 0; seed < 60; seed++) {
            int[] tokens = example(objective(1, 0, FimFormat.CODEGEN2, 0.5), seed);
            int fileStart = 0;
            for (int sep = indexOf(tokens, SEP, 0); sep >= 0; sep = indexOf(tokens, SEP, sep + 1)) {
                // each file has its own block; the file starts after the previous block or separator
                int start = Math.max(fileStart, lastIndexOf(tokens, EOT, sep - 1) + 1);
                int mask = indexOf(tokens, MASK1, start);
                int end = indexOf(tokens, EOM, sep);
                if (end < 0) break;
                fileStart = end + 1;
                if (start == 0 || mask > sep) continue; // the sequence's first file may start mid-document
                int[] prompt = PromptFormat.CODEGEN2.render(
                        TOKENIZER, text(tokens, start, mask), text(tokens, mask + 1, sep - 1));
                assertEquals(EOT, prompt[0], "the prompt starts a new file");
                int[] withoutSeparator = Arrays.copyOfRange(prompt, 1, prompt.length);
                assertArrayEquals(Arrays.copyOfRange(tokens, start, sep + 2), withoutSeparator, "seed " + seed);
                checked++;
            }
        }
        assertTrue(checked > 20, "enough comparable files: " + checked);
    }

    @Test
    void theInfillFormatFollowsTheObjective() {
        assertEquals(
                PromptFormat.CODEGEN2,
                PromptFormat.infillFor(objective(0, 0, FimFormat.PSM_SPM, 0.5)),
                "no FIM: span-corruption sentinels");
        assertEquals(PromptFormat.CODEGEN2, PromptFormat.infillFor(objective(0, 0.5, FimFormat.CODEGEN2, 0.5)));
        assertEquals(PromptFormat.PSM, PromptFormat.infillFor(objective(0, 0.5, FimFormat.PSM_SPM, 0)));
        assertEquals(PromptFormat.PSM, PromptFormat.infillFor(objective(0, 0.5, FimFormat.PSM_SPM, 0.4)));
        assertEquals(
                PromptFormat.SPM,
                PromptFormat.infillFor(objective(0, 0.5, FimFormat.PSM_SPM, 0.5)),
                "joint PSM/SPM training: SPM, whose middle continues the prefix");
        assertEquals(PromptFormat.SPM, PromptFormat.infillFor(objective(0, 0.5, FimFormat.PSM_SPM, 1)));
    }

    @Test
    void aPromptThatDoesNotFitLosesItsDoctestExamplesLastFirstThenTheSuffixEndButNeverItsSignature() {
        String prompt =
                "import math\n\n\ndef inc(x):\n    \"\"\"Add one.\n    >>> inc(1)\n    2\n    >>> inc([1,\n    ... 2])\n"
                        + "    Traceback\n    \"\"\"\n";
        FittedPrompt whole = PromptFormat.L2R.fit(TOKENIZER, prompt, "", 1000);
        assertEquals("<|endoftext|>" + prompt, TOKENIZER.decode(whole.ids()));
        assertFalse(whole.trimmed());
        int length = whole.ids().length;
        assertEquals(length, whole.wholeLength());

        String oneExample = "import math\n\n\ndef inc(x):\n    \"\"\"Add one.\n    >>> inc(1)\n    2\n    \"\"\"\n";
        FittedPrompt fewer = PromptFormat.L2R.fit(TOKENIZER, prompt, "", length - 1);
        assertEquals("<|endoftext|>" + oneExample, TOKENIZER.decode(fewer.ids()));
        assertTrue(fewer.trimmed());
        assertEquals(length, fewer.wholeLength());
        String noExample = "import math\n\n\ndef inc(x):\n    \"\"\"Add one.\n    \"\"\"\n";
        assertEquals(
                "<|endoftext|>" + noExample,
                TOKENIZER.decode(PromptFormat.L2R
                        .fit(TOKENIZER, prompt, "", 1 + oneExample.length() - 1)
                        .ids()));
        String signature = "def inc(x):\n    \"\"\"Add one.\n    \"\"\"\n";
        assertEquals(
                "<|endoftext|>" + signature,
                TOKENIZER.decode(PromptFormat.L2R
                        .fit(TOKENIZER, prompt, "", 1 + signature.length())
                        .ids()));
        assertNull(
                PromptFormat.L2R.fit(TOKENIZER, prompt, "", signature.length()),
                "the signature and prose are never cut");

        // infilling: after the examples, the suffix loses its last lines, its first line stays
        String suffix = "    y = x\n    z = y\n    return z\n";
        FittedPrompt infill = PromptFormat.PSM.fit(
                TOKENIZER, noExample, suffix, 4 + noExample.length() + "    y = x\n    z = y\n".length());
        assertEquals(
                "<|endoftext|><fim_prefix>" + noExample + "<fim_suffix>    y = x\n    z = y\n<fim_middle>",
                TOKENIZER.decode(infill.ids()));
        assertTrue(infill.trimmed());
    }

    @Test
    void examplesAreCutWholeUpToTheNextExampleABlankLineOrTheDocstringsEnd() {
        assertEquals(
                "    \"\"\"Doc.\n    >>> f(1)\n    1\n\n    More.\n    \"\"\"\n",
                PromptTrimming.withoutLastExample(
                        "    \"\"\"Doc.\n    >>> f(1)\n    1\n\n    More.\n    >>> f(2)\n    2\n    \"\"\"\n"));
        assertNull(PromptTrimming.withoutLastExample("def f(x):\n    \"\"\"Doc.\"\"\"\n"));
    }
}

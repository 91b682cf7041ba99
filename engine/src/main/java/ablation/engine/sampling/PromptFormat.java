package ablation.engine.sampling;

import ablation.core.WorkbenchException;
import ablation.core.config.FimFormat;
import ablation.core.config.ObjectiveConfig;
import ablation.engine.tokenizer.Tokenizer;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * How a prompt is laid out in tokens, exactly as the training objectives lay out their examples
 * ({@code ablation.engine.objective}), so that the model continues where it learned to:
 * <pre>
 *   L2R:       &lt;|endoftext|&gt; prefix                                                   → completion
 *   CODEGEN2:  &lt;|endoftext|&gt; prefix &lt;mask_1&gt; suffix &lt;|endoftext|&gt; &lt;sep&gt; &lt;mask_1&gt;           → middle &lt;eom&gt;
 *   PSM:       &lt;|endoftext|&gt; &lt;fim_prefix&gt; prefix &lt;fim_suffix&gt; suffix &lt;fim_middle&gt;        → middle &lt;|endoftext|&gt;
 *   SPM:       &lt;|endoftext|&gt; &lt;fim_prefix&gt; &lt;fim_suffix&gt; suffix &lt;fim_middle&gt; prefix        → middle &lt;|endoftext|&gt;
 * </pre>
 * The leading {@code <|endoftext|>} is the previous document's separator: in training every
 * document follows one, so it tells the model that a new file starts. Prefix and suffix are encoded
 * separately, as FIM encodes its three parts. CODEGEN2 is also the layout of span corruption with
 * one span, so a model trained with span corruption (and no FIM) infills in it.
 */
public enum PromptFormat {
    L2R, CODEGEN2, PSM, SPM;

    /**
     * The infill layout of a model trained with {@code objective}: its FIM format ({@code psm_spm}
     * gives PSM, or SPM when the model saw only SPM), else the CodeGen2 sentinels.
     */
    public static PromptFormat infillFor(ObjectiveConfig objective) {
        if (objective.fim() > 0 && objective.fimFormat() == FimFormat.PSM_SPM) return objective.fimSpmShare() >= 1 ? SPM : PSM;
        return CODEGEN2;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The prompt's tokens, at most {@code limit}: if it is longer, the leading separator goes first,
     * then text far from the point of generation (the prefix's start; for infilling also the suffix's
     * end, trimming whichever is longer).
     *
     * @param suffix the text after the hole; must be empty for L2R
     */
    public int[] render(Tokenizer tokenizer, String prefix, String suffix, int limit) {
        if (this == L2R && !suffix.isEmpty()) throw new IllegalArgumentException("a left-to-right prompt has no suffix");
        int[] before = tokenizer.encode(prefix);
        int[] after = tokenizer.encode(suffix);
        int sentinels = switch (this) {
            case L2R -> 0;
            case CODEGEN2 -> 4;
            case PSM, SPM -> 3;
        };
        if (limit < sentinels + 1) {
            throw new WorkbenchException("a " + label() + " prompt needs at least " + (sentinels + 1) + " tokens, the context leaves " + limit);
        }
        boolean separator = 1 + sentinels + before.length + after.length <= limit;
        int excess = Math.max(0, sentinels + before.length + after.length - limit);
        int prefixStart = 0;
        int suffixEnd = after.length;
        while (excess-- > 0) {
            if (before.length - prefixStart >= suffixEnd) prefixStart++;
            else suffixEnd--;
        }
        IntStream.Builder out = IntStream.builder();
        if (separator) out.add(tokenizer.specialId(Tokenizer.END_OF_TEXT));
        switch (this) {
            case L2R -> append(out, before, prefixStart, before.length);
            case CODEGEN2 -> {
                int mask = tokenizer.specialId(Tokenizer.mask(1));
                append(out, before, prefixStart, before.length);
                out.add(mask);
                append(out, after, 0, suffixEnd);
                out.add(tokenizer.specialId(Tokenizer.END_OF_TEXT)).add(tokenizer.specialId(Tokenizer.SEP)).add(mask);
            }
            case PSM -> {
                out.add(tokenizer.specialId(Tokenizer.FIM_PREFIX));
                append(out, before, prefixStart, before.length);
                out.add(tokenizer.specialId(Tokenizer.FIM_SUFFIX));
                append(out, after, 0, suffixEnd);
                out.add(tokenizer.specialId(Tokenizer.FIM_MIDDLE));
            }
            case SPM -> {
                out.add(tokenizer.specialId(Tokenizer.FIM_PREFIX)).add(tokenizer.specialId(Tokenizer.FIM_SUFFIX));
                append(out, after, 0, suffixEnd);
                out.add(tokenizer.specialId(Tokenizer.FIM_MIDDLE));
                append(out, before, prefixStart, before.length);
            }
        }
        return out.build().toArray();
    }

    private static void append(IntStream.Builder out, int[] ids, int from, int to) {
        for (int i = from; i < to; i++) out.add(ids[i]);
    }
}

package ablation.engine.sampling;

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
    L2R,
    CODEGEN2,
    PSM,
    SPM;

    /**
     * The infill layout of a model trained with {@code objective}: its FIM format, else the CodeGen2
     * sentinels. A {@code psm_spm} model that saw SPM in at least half its transforms is prompted in
     * SPM: Bavarian et al. (2022) train both layouts jointly so that either serves at inference, and
     * in SPM the middle directly continues the prefix, while PSM asks the model to carry the prefix's
     * end across the whole suffix, which a small model learns late (measured in docs/ARCHITECTURE.md,
     * "Infill prompts"). Otherwise PSM.
     */
    public static PromptFormat infillFor(ObjectiveConfig objective) {
        if (objective.fim() > 0 && objective.fimFormat() == FimFormat.PSM_SPM)
            return objective.fimSpmShare() >= 0.5 ? SPM : PSM;
        return CODEGEN2;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The prompt's tokens, whole. @param suffix the text after the hole; must be empty for L2R */
    public int[] render(Tokenizer tokenizer, String prefix, String suffix) {
        if (this == L2R && !suffix.isEmpty())
            throw new IllegalArgumentException("a left-to-right prompt has no suffix");
        int[] before = tokenizer.encode(prefix);
        int[] after = tokenizer.encode(suffix);
        IntStream.Builder out = IntStream.builder();
        out.add(tokenizer.specialId(Tokenizer.END_OF_TEXT));
        switch (this) {
            case L2R -> append(out, before);
            case CODEGEN2 -> {
                int mask = tokenizer.specialId(Tokenizer.mask(1));
                append(out, before);
                out.add(mask);
                append(out, after);
                out.add(tokenizer.specialId(Tokenizer.END_OF_TEXT))
                        .add(tokenizer.specialId(Tokenizer.SEP))
                        .add(mask);
            }
            case PSM -> {
                out.add(tokenizer.specialId(Tokenizer.FIM_PREFIX));
                append(out, before);
                out.add(tokenizer.specialId(Tokenizer.FIM_SUFFIX));
                append(out, after);
                out.add(tokenizer.specialId(Tokenizer.FIM_MIDDLE));
            }
            case SPM -> {
                out.add(tokenizer.specialId(Tokenizer.FIM_PREFIX)).add(tokenizer.specialId(Tokenizer.FIM_SUFFIX));
                append(out, after);
                out.add(tokenizer.specialId(Tokenizer.FIM_MIDDLE));
                append(out, before);
            }
        }
        return out.build().toArray();
    }

    /**
     * The prompt in at most {@code limit} tokens: whole if it fits, else trimmed by
     * {@link PromptTrimming} (doctest examples first, last one first; then the suffix's last lines;
     * then what precedes the function's {@code def} line), never cutting the signature. Null when
     * even the most trimmed prompt does not fit: the caller reports that problem as failed.
     *
     * @param suffix the text after the hole; must be empty for L2R
     */
    public FittedPrompt fit(Tokenizer tokenizer, String prefix, String suffix, int limit) {
        int[] whole = render(tokenizer, prefix, suffix);
        if (whole.length <= limit) return new FittedPrompt(whole, false, whole.length);
        for (PromptTrimming.Text shorter : PromptTrimming.shorter(prefix, suffix)) {
            int[] ids = render(tokenizer, shorter.prefix(), shorter.suffix());
            if (ids.length <= limit) return new FittedPrompt(ids, true, whole.length);
        }
        return null;
    }

    private static void append(IntStream.Builder out, int[] ids) {
        for (int id : ids) out.add(id);
    }
}

package ablation.engine.tokenizer;

/**
 * Text to token ids and back. Implementations are lossless: {@code decode(encode(x)).equals(x)} for
 * any UTF-8 text. Special tokens are never produced by {@code encode} from plain text; callers
 * insert their ids directly.
 */
public interface Tokenizer extends AutoCloseable {
    String END_OF_TEXT = "<|endoftext|>";
    String PAD = "<pad>";
    String SEP = "<sep>";
    String END_OF_MASK = "<eom>";
    /** Fill-in-the-middle sentinels of Bavarian et al. (2022), PSM and SPM formats. */
    String FIM_PREFIX = "<fim_prefix>";

    String FIM_SUFFIX = "<fim_suffix>";
    String FIM_MIDDLE = "<fim_middle>";

    /** The k-th span sentinel, k starting at 1. */
    static String mask(int k) {
        return "<mask_" + k + ">";
    }

    int[] encode(String text);

    /** Decodes ids, special tokens rendered as their text. */
    String decode(int[] ids);

    int vocabSize();

    /** The id of a special token; a {@link ablation.core.WorkbenchException} if the vocabulary lacks it. */
    int specialId(String token);

    /** Whether {@code token} is in the vocabulary as a special (added) token. */
    boolean hasSpecial(String token);

    /** SHA-256 of the tokenizer's canonical definition (its tokenizer.json): a cache key. */
    String sha256();

    @Override
    void close();
}

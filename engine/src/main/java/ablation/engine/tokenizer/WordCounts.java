package ablation.engine.tokenizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.IntStream;

/**
 * The unique pre-tokens ("words") of a corpus with their frequencies: what BPE training works on, so
 * that each merge touches distinct words once instead of every occurrence in the text. The text is
 * split exactly as the trained tokenizer.json will split it (indentation tokens, then GPT-2's
 * pattern); the counting runs on all cores.
 */
final class WordCounts {
    private WordCounts() {}

    /** Words of {@code documents} and how often each occurs. The result does not depend on thread count. */
    static Map<String, Long> count(List<String> documents) {
        int chunks =
                Math.max(1, Math.min(documents.size(), 4 * Runtime.getRuntime().availableProcessors()));
        return IntStream.range(0, chunks)
                .parallel()
                .mapToObj(c -> countRange(documents, (int) ((long) documents.size() * c / chunks), (int)
                        ((long) documents.size() * (c + 1) / chunks)))
                .reduce(WordCounts::mergeInto)
                .orElseGet(HashMap::new);
    }

    private static Map<String, Long> countRange(List<String> documents, int from, int to) {
        Map<String, long[]> counts = new HashMap<>();
        for (int d = from; d < to; d++) {
            AddedTokens.splitRuns(documents.get(d), piece -> {
                Matcher m = ByteLevel.SPLIT.matcher(piece);
                while (m.find()) counts.computeIfAbsent(m.group(), w -> new long[1])[0]++;
            });
        }
        Map<String, Long> result = new HashMap<>(counts.size() * 2);
        counts.forEach((word, n) -> result.put(word, n[0]));
        return result;
    }

    private static Map<String, Long> mergeInto(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> big = a.size() >= b.size() ? a : b;
        Map<String, Long> small = big == a ? b : a;
        small.forEach((word, n) -> big.merge(word, n, Long::sum));
        return big;
    }
}

package ablation.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BpeTrainerTest {

    @Test
    void incrementalMergesEqualRecountingEveryPair() {
        Map<String, Long> words = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            StringBuilder w = new StringBuilder();
            int length = 1 + random.nextInt(9);
            for (int k = 0; k < length; k++) w.append("abcab".charAt(random.nextInt(5)));
            words.merge(w.toString(), 1L + random.nextInt(5), Long::sum);
        }
        // overlapping runs are where incremental updates go wrong
        words.merge("aaaaaaa", 9L, Long::sum);
        words.merge("abababab", 6L, Long::sum);
        words.merge("é€😀é€😀", 4L, Long::sum);

        BpeTrainer.Result fast = BpeTrainer.train(words, 256 + 60);
        List<String> slow = recountingMerges(words, 256 + 60);

        assertEquals(slow, fast.merges());
        assertTrue(fast.merges().size() >= 60, "learned " + fast.merges().size());
    }

    @Test
    void sameCountsInAnyOrderGiveSameMerges() {
        Map<String, Long> words = WordCounts.count(SyntheticCode.generate(3, 60));
        List<Map.Entry<String, Long>> entries = new ArrayList<>(words.entrySet());
        Collections.shuffle(entries, new Random(11));
        Map<String, Long> reordered = new LinkedHashMap<>();
        entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));

        assertEquals(BpeTrainer.train(words, 600), BpeTrainer.train(reordered, 600));
    }

    @Test
    void vocabularyReachesTheSizeAskedOrStopsWhenPairsRunOut() {
        Map<String, Long> words = WordCounts.count(SyntheticCode.generate(5, 80));
        BpeTrainer.Result result = BpeTrainer.train(words, 700);
        assertEquals(700, result.vocab().size());
        assertEquals(new HashSet<>(result.vocab()).size(), result.vocab().size(), "token strings are unique");

        BpeTrainer.Result tiny = BpeTrainer.train(Map.of("abc", 3L), 1000);
        assertEquals(List.of("a b", "ab c"), tiny.merges());
        assertEquals(258, tiny.vocab().size());
    }

    @Test
    void everyByteIsInTheVocabulary() {
        BpeTrainer.Result result = BpeTrainer.train(Map.of("x", 1L), 300);
        for (int b = 0; b < 256; b++)
            assertEquals(String.valueOf(ByteLevel.charOf(b)), result.vocab().get(b));
        assertEquals(256, new HashSet<>(result.vocab()).size());
    }

    /** Reference BPE: recount every pair of every word before each merge (ties to the smaller ids). */
    private static List<String> recountingMerges(Map<String, Long> wordCounts, int vocabSize) {
        List<String> vocab = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int b = 0; b < 256; b++) {
            vocab.add(String.valueOf(ByteLevel.charOf(b)));
            ids.put(vocab.get(b), b);
        }
        List<List<Integer>> words = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        wordCounts.forEach((w, n) -> {
            List<Integer> symbols = new ArrayList<>();
            for (byte b : w.getBytes(java.nio.charset.StandardCharsets.UTF_8)) symbols.add(b & 0xFF);
            words.add(symbols);
            counts.add(n);
        });
        List<String> merges = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (vocab.size() < vocabSize) {
            Map<Long, Long> pairs = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                List<Integer> s = words.get(w);
                for (int i = 0; i + 1 < s.size(); i++)
                    pairs.merge(((long) s.get(i) << 32) | s.get(i + 1), counts.get(w), Long::sum);
            }
            if (pairs.isEmpty()) break;
            long best = pairs.entrySet().stream()
                    .min((a, b) -> a.getValue().equals(b.getValue())
                            ? Long.compare(a.getKey(), b.getKey())
                            : Long.compare(b.getValue(), a.getValue()))
                    .orElseThrow()
                    .getKey();
            int left = (int) (best >>> 32);
            int right = (int) best;
            String token = vocab.get(left) + vocab.get(right);
            merges.add(vocab.get(left) + " " + vocab.get(right));
            if (seen.add(token) && !ids.containsKey(token)) {
                ids.put(token, vocab.size());
                vocab.add(token);
            }
            int merged = ids.get(token);
            for (List<Integer> s : words) {
                for (int i = 0; i + 1 < s.size(); i++) {
                    if (s.get(i) == left && s.get(i + 1) == right) {
                        s.set(i, merged);
                        s.remove(i + 1);
                    }
                }
            }
        }
        return merges;
    }
}

package ablation.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns byte-level BPE merges from word counts, the way Hugging Face's trainer does: pair counts are
 * computed once and then updated only around the positions each merge rewrites (an index from pair to
 * the words containing it finds them), and the most frequent pair comes from a priority queue whose
 * stale entries are refreshed when popped. A merge only lowers the counts of existing pairs and
 * creates pairs with the new token, so an entry's count can only overstate the truth: popping it,
 * comparing with the live count and re-queueing when they differ always finds the true maximum.
 *
 * <p>Ties go to the pair with the smaller (left id, right id), so the same word counts always give
 * the same merges. Token ids 0-255 are the bytes (all of them, seen or not: any text must encode).
 */
final class BpeTrainer {
    /** The learned vocabulary (id = index) and the merges in rank order, each "left right". */
    record Result(List<String> vocab, List<String> merges) {}

    private static final class Pair {
        long count;
        int[] words = new int[2];
        int size;
        int lastWord = -1;

        void addWord(int w) {
            if (lastWord == w) return;
            if (size == words.length) words = Arrays.copyOf(words, size * 2);
            words[size++] = w;
            lastWord = w;
        }
    }

    private record Candidate(long count, long pair) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            int byCount = Long.compare(o.count, count);
            return byCount != 0 ? byCount : Long.compare(pair, o.pair);
        }
    }

    private final int[][] symbols;
    private final int[] lengths;
    private final long[] frequencies;
    private final Map<Long, Pair> pairs = new HashMap<>();
    private final PriorityQueue<Candidate> queue = new PriorityQueue<>();
    private final List<String> vocab = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> merges = new ArrayList<>();

    private BpeTrainer(Map<String, Long> wordCounts) {
        String[] words = wordCounts.keySet().toArray(String[]::new);
        Arrays.sort(words);
        symbols = new int[words.length][];
        lengths = new int[words.length];
        frequencies = new long[words.length];
        for (int w = 0; w < words.length; w++) {
            byte[] bytes = words[w].getBytes(StandardCharsets.UTF_8);
            int[] s = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) s[i] = bytes[i] & 0xFF;
            symbols[w] = s;
            lengths[w] = s.length;
            frequencies[w] = wordCounts.get(words[w]);
        }
        for (int b = 0; b < 256; b++) addToken(String.valueOf(ByteLevel.charOf(b)));
    }

    /**
     * Learns merges until the vocabulary holds {@code vocabSize} tokens (bytes included), or fewer when
     * the words run out of pairs (a corpus too small for the vocabulary asked).
     */
    static Result train(Map<String, Long> wordCounts, int vocabSize) {
        BpeTrainer trainer = new BpeTrainer(wordCounts);
        trainer.countPairs();
        trainer.mergeUntil(vocabSize);
        return new Result(List.copyOf(trainer.vocab), List.copyOf(trainer.merges));
    }

    private int addToken(String token) {
        Integer id = ids.get(token);
        if (id != null) return id;
        vocab.add(token);
        ids.put(token, vocab.size() - 1);
        return vocab.size() - 1;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | right;
    }

    private void countPairs() {
        for (int w = 0; w < symbols.length; w++) {
            int[] s = symbols[w];
            for (int i = 0; i + 1 < lengths[w]; i++) {
                Pair p = pairs.computeIfAbsent(key(s[i], s[i + 1]), k -> new Pair());
                p.count += frequencies[w];
                p.addWord(w);
            }
        }
        pairs.forEach((k, p) -> queue.add(new Candidate(p.count, k)));
    }

    private void mergeUntil(int vocabSize) {
        Set<Long> gained = new HashSet<>();
        while (vocab.size() < vocabSize && !queue.isEmpty()) {
            Candidate top = queue.poll();
            Pair pair = pairs.get(top.pair);
            if (pair == null || pair.count <= 0) continue;
            if (pair.count != top.count) {
                queue.add(new Candidate(pair.count, top.pair));
                continue;
            }
            pairs.remove(top.pair);
            int left = (int) (top.pair >>> 32);
            int right = (int) top.pair;
            merges.add(vocab.get(left) + " " + vocab.get(right));
            int merged = addToken(vocab.get(left) + vocab.get(right));
            gained.clear();
            for (int i = 0; i < pair.size; i++) mergeIn(pair.words[i], left, right, merged, top.pair, gained);
            for (long k : gained) {
                Pair p = pairs.get(k);
                if (p.count > 0) queue.add(new Candidate(p.count, k));
            }
        }
    }

    /**
     * Replaces every (left, right) in word {@code w} by {@code merged}, left to right, and moves the pair
     * counts around each replaced position (the neighbour on each side loses its pair with the old
     * symbol and gains one with the new). Pairs whose count grew are recorded in {@code gained}.
     */
    private void mergeIn(int w, int left, int right, int merged, long mergedKey, Set<Long> gained) {
        int[] s = symbols[w];
        int n = lengths[w];
        long f = frequencies[w];
        int i = 0;
        while (i < n - 1) {
            if (s[i] != left || s[i + 1] != right) {
                i++;
                continue;
            }
            if (i > 0) {
                change(key(s[i - 1], left), -f, w, mergedKey, gained);
                change(key(s[i - 1], merged), f, w, mergedKey, gained);
            }
            s[i] = merged;
            System.arraycopy(s, i + 2, s, i + 1, n - i - 2);
            n--;
            if (i + 1 < n) {
                change(key(right, s[i + 1]), -f, w, mergedKey, gained);
                change(key(merged, s[i + 1]), f, w, mergedKey, gained);
            }
            i++;
        }
        lengths[w] = n;
    }

    private void change(long key, long delta, int w, long mergedKey, Set<Long> gained) {
        if (key == mergedKey) return;
        Pair p = pairs.computeIfAbsent(key, k -> new Pair());
        p.count += delta;
        if (delta > 0) {
            p.addWord(w);
            gained.add(key);
        }
    }
}

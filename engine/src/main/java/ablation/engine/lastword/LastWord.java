package ablation.engine.lastword;

import ablation.core.WorkbenchException;
import ablation.core.stats.Bootstrap;
import ablation.core.stats.IntervalSettings;
import ablation.engine.model.CodeGenModel;
import ablation.engine.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Can the model use a passage to predict a word? The natural-language task of lesson 4 beside bits
 * per byte: a last-word cloze on held-out prose, in the manner of LAMBADA (Paperno et al., 2016). A
 * document is cut just before the last word of a sentence; as LAMBADA keeps passages whose last word
 * a reader can guess only from the passage, an item is kept only when its word already occurs
 * earlier in the document (a character's name, a place, the document's topic nouns). Where LAMBADA
 * asks for the word itself (greedy decoding), a desk-scale model almost never writes a rare name
 * whole (measured greedily: 0.065 for the quick study's NL-only model), so the item is multiple choice: the model
 * is right when it gives the word a higher log-probability than each of {@value #DISTRACTORS}
 * sentence-final words of other held-out documents that do not occur in this one. Chance is
 * 1 / {@value #CHOICES}; a model that ignores the passage ranks the choices by how common they are
 * and stays near chance, since they are drawn from the same pool of sentence-final words.
 *
 * <p>Each choice is scored as {@code " " + word} after {@code <|endoftext|>} and the context (the
 * end of a context too long for the model is kept), the sum of its tokens' log-probabilities
 * ({@link CodeGenModel#continuationLosses}, all choices in one pass). A prefix-LM reads the context
 * as its bidirectional prefix, as it does when it samples. Accuracy with a percentile bootstrap
 * interval that resamples documents.
 *
 * <pre>
 *   List&lt;LastWordItem&gt; items = LastWord.items(proseDocuments, seed);
 *   LastWordResult r = LastWord.measure(model, tokenizer, items);   // r.accuracy().value()
 * </pre>
 */
public final class LastWord {
    /** Wrong choices per item. */
    public static final int DISTRACTORS = 4;
    /** Choices per item: the word and its distractors. */
    public static final int CHOICES = DISTRACTORS + 1;

    /** A sentence's last word: letters after a space, then the sentence's end. */
    private static final Pattern LAST_WORD = Pattern.compile("(?<=\\s)([A-Za-z]{2,})(?=[.!?])");

    private LastWord() {}

    /**
     * The items of {@code documents}: for each sentence whose last word occurs earlier in its
     * document as a whole word, the document up to that word, with distractors drawn with {@code seed}.
     */
    public static List<LastWordItem> items(List<String> documents, long seed) {
        List<Set<String>> words = new ArrayList<>();
        Set<String> pool = new LinkedHashSet<>(); // every sentence-final word, in order of appearance
        for (String text : documents) {
            Set<String> inDocument = new LinkedHashSet<>();
            Matcher all = Pattern.compile("[A-Za-z]+").matcher(text);
            while (all.find()) inDocument.add(all.group());
            words.add(inDocument);
            Matcher last = LAST_WORD.matcher(text);
            while (last.find()) pool.add(last.group(1));
        }
        List<String> candidates = List.copyOf(pool);
        SplittableRandom random = new SplittableRandom(seed);
        List<LastWordItem> items = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            String text = documents.get(d);
            Set<String> own = words.get(d);
            List<String> foreign =
                    candidates.stream().filter(w -> !own.contains(w)).toList();
            if (foreign.size() < DISTRACTORS) continue;
            Matcher matcher = LAST_WORD.matcher(text);
            while (matcher.find()) {
                String word = matcher.group(1);
                String before = text.substring(0, matcher.start(1));
                if (!Pattern.compile("\\b" + word + "\\b").matcher(before).find()) continue;
                Set<String> distractors = new LinkedHashSet<>();
                while (distractors.size() < DISTRACTORS) distractors.add(foreign.get(random.nextInt(foreign.size())));
                items.add(new LastWordItem(d, before.stripTrailing(), word, List.copyOf(distractors)));
            }
        }
        return items;
    }

    public static LastWordResult measure(CodeGenModel model, Tokenizer tokenizer, List<LastWordItem> items) {
        if (items.isEmpty()) throw new WorkbenchException("the last-word test has no items: no held-out prose");
        Map<Integer, double[]> byDocument = new LinkedHashMap<>(); // document -> {items, right}
        for (LastWordItem item : items) {
            double[] counts = byDocument.computeIfAbsent(item.document(), d -> new double[2]);
            counts[0]++;
            if (prefersWord(model, tokenizer, item)) counts[1]++;
        }
        double[] itemsPer = byDocument.values().stream().mapToDouble(c -> c[0]).toArray();
        double[] rightPer = byDocument.values().stream().mapToDouble(c -> c[1]).toArray();
        return new LastWordResult(
                new Bootstrap(IntervalSettings.DEFAULT).ratio(rightPer, itemsPer), items.size(), byDocument.size());
    }

    /** Whether the item's word is likelier after its context than every distractor: one forward pass over all choices. */
    static boolean prefersWord(CodeGenModel model, Tokenizer tokenizer, LastWordItem item) {
        List<int[]> choices = new ArrayList<>();
        choices.add(tokenizer.encode(" " + item.word()));
        for (String distractor : item.distractors()) choices.add(tokenizer.encode(" " + distractor));
        int longest = choices.stream().mapToInt(c -> c.length).max().orElseThrow();
        // <|endoftext|> and the end of the context that leaves room for the longest choice
        int[] context = tokenizer.encode(item.context());
        int kept = Math.min(context.length, model.config().context() - longest);
        int[] prompt = new int[kept + 1];
        prompt[0] = tokenizer.specialId(Tokenizer.END_OF_TEXT);
        System.arraycopy(context, context.length - kept, prompt, 1, kept);
        double[] losses = model.continuationLosses(prompt, choices); // [word, distractor 1, ...]
        for (int i = 1; i < losses.length; i++) if (losses[i] <= losses[0]) return false;
        return true;
    }
}

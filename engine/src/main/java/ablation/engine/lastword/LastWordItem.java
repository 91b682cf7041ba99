package ablation.engine.lastword;

import java.util.List;

/**
 * One last-word item: a passage cut just before the last word of one of its sentences, with words
 * that end sentences of other documents as the wrong choices.
 *
 * @param document index of the held-out document the passage comes from (items of one document are
 *     not independent: the bootstrap resamples documents)
 * @param context the document's text up to the word, without the space before it
 * @param word the sentence's last word, letters only
 * @param distractors other documents' sentence-final words, none of which occurs in this document
 */
public record LastWordItem(int document, String context, String word, List<String> distractors) {
    public LastWordItem {
        distractors = List.copyOf(distractors);
    }
}

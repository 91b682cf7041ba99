package ablation.reports.source;

import ablation.core.config.Choice;
import ablation.core.config.SourceKind;
import ablation.reports.model.Domain;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a data source is programming or natural language (lesson 4). Configs do not say, so:
 * the generated sources by kind ({@code desk-pl}, {@code desk-nl}); a corpus on disk
 * ({@code files}, {@code jsonl}) is natural language when a word of its name is a usual prose
 * corpus or word for it ({@code english}, {@code nl}, {@code text}, {@code prose}, {@code pile},
 * {@code c4}, {@code wiki...}, {@code books}, {@code web}), or when its JSON text field is
 * {@code text} (the Pile's; code dumps such as The Stack use {@code content}); anything else is
 * code. A held-out source the run does not list is judged by its name.
 */
final class SourceDomains {
    private static final Pattern NATURAL_NAME =
            Pattern.compile("(^|[^a-z0-9])(nl|english|text|prose|pile|c4|wiki\\w*|books?|web)([^a-z0-9]|$)");

    private SourceDomains() {}

    static Domain of(JsonNode source) {
        SourceKind kind =
                Choice.find(SourceKind.class, source.path("kind").asText("")).orElse(null);
        if (kind == SourceKind.DESK_NL) return Domain.NL;
        if (kind == SourceKind.DESK_PL) return Domain.PL;
        if (kind == SourceKind.JSONL && source.path("text_field").asText("").equals("text")) return Domain.NL;
        return byName(source.path("name").asText(""));
    }

    /** The domain of the config's source of that name; by the name alone when the run has no such source. */
    static Domain ofSource(JsonNode config, String sourceName) {
        for (JsonNode source : config.path("data").path("sources")) {
            if (source.path("name").asText().equals(sourceName)) return of(source);
        }
        return byName(sourceName);
    }

    /** The programming-language share of the source weights: 1 PL only, 0 NL only; NaN without weight. */
    static double programmingShare(JsonNode config) {
        double pl = 0;
        double total = 0;
        for (JsonNode source : config.path("data").path("sources")) {
            double weight = source.path("weight").asDouble(1.0);
            total += weight;
            if (of(source) == Domain.PL) pl += weight;
        }
        return total > 0 ? pl / total : Double.NaN;
    }

    private static Domain byName(String name) {
        return NATURAL_NAME.matcher(name.toLowerCase(Locale.ROOT)).find() ? Domain.NL : Domain.PL;
    }
}

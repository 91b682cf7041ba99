package ablation.reports.source;

import ablation.reports.model.Domain;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a data source is programming or natural language (lesson 4). The generated sources say
 * so by kind ({@code desk-pl}, {@code desk-nl}); a corpus on disk ({@code files}, {@code jsonl}) is
 * taken as code unless its name reads as prose (as is a held-out source the run does not train on) ({@code english}, {@code nl}, {@code text},
 * {@code wiki}, {@code books}, {@code web}, {@code prose}), the one convention a config can follow.
 */
final class SourceDomains {
    private static final Pattern NATURAL_NAME = Pattern.compile("(^|[^a-z])(nl|english|text|wiki\\w*|books?|web|prose)([^a-z]|$)");

    private SourceDomains() {}

    static Domain of(JsonNode source) {
        String kind = source.path("kind").asText("");
        if (kind.equals("desk-nl")) return Domain.NL;
        if (kind.equals("desk-pl")) return Domain.PL;
        return byName(source.path("name").asText(""));
    }

    /** The domain of the config's source of that name; by the name alone when the run has no such source. */
    static Domain ofSource(JsonNode config, String sourceName) {
        for (JsonNode source : config.path("data").path("sources")) {
            if (source.path("name").asText().equals(sourceName)) return of(source);
        }
        return byName(sourceName);
    }

    private static Domain byName(String name) {
        return NATURAL_NAME.matcher(name.toLowerCase(Locale.ROOT)).find() ? Domain.NL : Domain.PL;
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
}

package ablation.engine.desk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary of desk-nl: stems from {@code lexicon.txt} (roughly most common first) and English
 * inflection rules (plurals, past tense, third person, participles, comparatives), plus invented names
 * built from syllables. Inflected forms and names give several thousand distinct words.
 */
final class Lexicon {
    final List<String> nouns;
    final List<String> transitive;
    final List<String> intransitive;
    final List<String> adjectives;
    final List<String> adverbs;
    final List<String> nameStarts;
    final List<String> nameEnds;
    final List<String> placeEnds;
    private final Map<String, String> irregular;

    static final Lexicon ENGLISH = load();

    private Lexicon(Map<String, Map<String, String>> sections) {
        irregular = new LinkedHashMap<>();
        nouns = words(sections, "nouns", "plural:");
        transitive = words(sections, "transitive", "past:");
        intransitive = words(sections, "intransitive", "past:");
        adjectives = words(sections, "adjectives", "");
        adverbs = words(sections, "adverbs", "");
        nameStarts = words(sections, "name-starts", "");
        nameEnds = words(sections, "name-ends", "");
        placeEnds = words(sections, "place-ends", "");
    }

    private List<String> words(Map<String, Map<String, String>> sections, String section, String formKey) {
        Map<String, String> entries = sections.get(section);
        if (entries == null) throw new IllegalStateException("lexicon.txt has no section [" + section + "]");
        entries.forEach((base, form) -> {
            if (form != null) irregular.put(formKey + base, form);
        });
        return List.copyOf(entries.keySet());
    }

    String plural(String noun) {
        String form = irregular.get("plural:" + noun);
        return form != null ? form : suffixS(noun);
    }

    String past(String verb) {
        String form = irregular.get("past:" + verb);
        if (form != null) return form;
        if (verb.endsWith("e")) return verb + "d";
        if (consonantY(verb)) return verb.substring(0, verb.length() - 1) + "ied";
        return verb + "ed";
    }

    /** Present participle: "walking", "making", "running", "lying". */
    String participle(String verb) {
        if (verb.endsWith("ie")) return verb.substring(0, verb.length() - 2) + "ying";
        if (verb.endsWith("e") && !verb.endsWith("ee") && verb.length() > 2)
            return verb.substring(0, verb.length() - 1) + "ing";
        return (doublesFinalConsonant(verb) ? verb + verb.charAt(verb.length() - 1) : verb) + "ing";
    }

    /** Comparative and superlative of a short adjective ("bigger", "happiest"), or null for "more ...". */
    String[] degrees(String adjective) {
        int syllables = adjective.replaceAll("[^aeiouy]+", " ").trim().split(" ").length;
        if (consonantY(adjective) && syllables <= 2) {
            String stem = adjective.substring(0, adjective.length() - 1) + "i";
            return new String[] {stem + "er", stem + "est"};
        }
        if (syllables != 1) return null;
        if (adjective.endsWith("e")) return new String[] {adjective + "r", adjective + "st"};
        String stem =
                doublesFinalConsonant(adjective) ? adjective + adjective.charAt(adjective.length() - 1) : adjective;
        return new String[] {stem + "er", stem + "est"};
    }

    /** One-syllable words ending consonant-vowel-consonant double it: "run" -> "running", "big" -> "bigger". */
    private static boolean doublesFinalConsonant(String word) {
        int n = word.length();
        if (n < 3) return false;
        String vowels = "aeiou";
        char last = word.charAt(n - 1);
        boolean cvc = vowels.indexOf(last) < 0
                && "wxy".indexOf(last) < 0
                && vowels.indexOf(word.charAt(n - 2)) >= 0
                && vowels.indexOf(word.charAt(n - 3)) < 0;
        return cvc && word.replaceAll("[^aeiou]+", " ").trim().split(" ").length == 1;
    }

    /** Third person singular present: "walks", "carries", "watches". */
    String thirdPerson(String verb) {
        return suffixS(verb);
    }

    private static String suffixS(String word) {
        if (word.endsWith("s")
                || word.endsWith("x")
                || word.endsWith("z")
                || word.endsWith("ch")
                || word.endsWith("sh")) {
            return word + "es";
        }
        if (consonantY(word)) return word.substring(0, word.length() - 1) + "ies";
        return word + "s";
    }

    private static boolean consonantY(String word) {
        return word.length() > 1 && word.endsWith("y") && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0;
    }

    private static Lexicon load() {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.txt")) {
            if (in == null) throw new IllegalStateException("lexicon.txt is missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> current = null;
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("[")) {
                    current = sections.computeIfAbsent(
                            line.substring(1, line.length() - 1), unused -> new LinkedHashMap<>());
                    continue;
                }
                for (String entry : line.split("\\s+")) {
                    int eq = entry.indexOf('=');
                    if (eq < 0) current.putIfAbsent(entry, null);
                    else current.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lexicon(sections);
    }
}

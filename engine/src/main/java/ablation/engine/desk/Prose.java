package ablation.engine.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * English prose for desk-nl from a small phrase-structure grammar over {@link Lexicon}: stories in the
 * past tense, essays in the present and letters. A document keeps a cast (a name, a place) and a few
 * topic nouns, and word choice is skewed towards the start of each list, so that the text has the
 * repetition and the long tail of natural language while sharing almost nothing with desk-pl.
 */
final class Prose {
    private static final List<String> PREPOSITIONS = List.of(
            "in", "on", "near", "behind", "under", "over", "across", "beside", "through", "along", "with", "without",
            "after", "before", "around", "toward", "inside", "beyond");
    private static final List<String> OPENERS = List.of(
            "Later",
            "In the morning",
            "After a while",
            "At night",
            "Soon",
            "Once again",
            "For a moment",
            "By the evening",
            "Without a word",
            "At last",
            "Meanwhile",
            "That winter");
    private static final List<String> JOINERS = List.of(", but ", ", and ", " because ", " while ", ", so ", " until ");
    private static final List<String> SINGULAR_DETERMINERS =
            List.of("the", "a", "the", "this", "that", "every", "one", "her", "his", "their", "our", "no");
    private static final List<String> PLURAL_DETERMINERS =
            List.of("the", "some", "many", "few", "two", "three", "these", "those", "all the", "most", "several");

    private final Lexicon lex;

    Prose(Lexicon lex) {
        this.lex = lex;
    }

    /** The state of one document: its cast, topic and tense. */
    private final class Doc {
        final SplittableRandom rng;
        final String hero;
        final String pronoun;
        final String place;
        final List<String> topic = new ArrayList<>();
        final boolean past;

        Doc(SplittableRandom rng, boolean past) {
            this.rng = rng;
            this.past = past;
            hero = name();
            pronoun = rng.nextBoolean() ? "she" : "he";
            place = name() + any(lex.placeEnds);
            for (int i = 0; i < 6; i++) topic.add(skewed(lex.nouns));
        }

        String name() {
            return any(lex.nameStarts) + any(lex.nameEnds);
        }

        <T> T any(List<T> list) {
            return list.get(rng.nextInt(list.size()));
        }

        /** Zipf-like: early (common) words far more often than late ones. */
        String skewed(List<String> list) {
            return list.get((int) (list.size() * Math.pow(rng.nextDouble(), 2.2)));
        }

        boolean chance(double p) {
            return rng.nextDouble() < p;
        }

        String noun() {
            return chance(0.4) ? any(topic) : skewed(lex.nouns);
        }

        /** A noun phrase; {@code plural} decides agreement. */
        String nounPhrase(boolean plural, int depth) {
            StringBuilder np = new StringBuilder();
            String adjective = chance(0.4) ? skewed(lex.adjectives) + " " : "";
            String noun = noun();
            String head = adjective + (plural ? lex.plural(noun) : noun);
            if (plural) {
                np.append(any(PLURAL_DETERMINERS)).append(' ').append(head);
            } else {
                String det = any(SINGULAR_DETERMINERS);
                if (det.equals("a") && "aeiou".indexOf(head.charAt(0)) >= 0) det = "an";
                np.append(det).append(' ').append(head);
            }
            if (depth == 0 && chance(0.15)) np.append(" of ").append(chance(0.3) ? place : nounPhrase(chance(0.3), 1));
            return np.toString();
        }

        String prepositional() {
            return " " + any(PREPOSITIONS) + " " + (chance(0.15) ? place : nounPhrase(chance(0.3), 1));
        }

        /** One clause without final punctuation. */
        String clause() {
            boolean plural;
            String subject;
            double who = rng.nextDouble();
            if (past && who < 0.25) {
                subject = hero;
                plural = false;
            } else if (past && who < 0.4) {
                subject = pronoun;
                plural = false;
            } else {
                plural = past ? chance(0.3) : chance(0.7);
                subject = nounPhrase(plural, 0);
                if (!past && plural && chance(0.5)) subject = subject.substring(subject.indexOf(' ') + 1);
            }
            int form = rng.nextInt(10);
            if (form < 4) {
                return subject + " " + verb(skewed(lex.transitive), plural) + " " + nounPhrase(chance(0.35), 0)
                        + (chance(0.3) ? prepositional() : "");
            }
            if (form < 7) {
                return subject + " " + verb(skewed(lex.intransitive), plural)
                        + (chance(0.4) ? " " + skewed(lex.adverbs) : "") + (chance(0.5) ? prepositional() : "");
            }
            if (form < 8) {
                return subject + " " + copula(plural) + " " + adjective();
            }
            if (form < 9) {
                return subject + " " + copula(plural) + " " + lex.participle(skewed(lex.intransitive))
                        + prepositional();
            }
            boolean many = chance(0.4);
            return "there " + copula(many) + " " + nounPhrase(many, 1) + prepositional();
        }

        /** An adjective, sometimes intensified or compared: "very calm", "colder than the river". */
        String adjective() {
            String a = skewed(lex.adjectives);
            String[] degrees = lex.degrees(a);
            int form = rng.nextInt(10);
            if (form < 2) return "very " + a;
            if (form < 4 && degrees != null) return degrees[0] + " than " + nounPhrase(chance(0.3), 1);
            if (form < 5 && degrees != null) return "the " + degrees[1] + " of all";
            return a;
        }

        String verb(String verb, boolean plural) {
            if (past) return lex.past(verb);
            return plural ? verb : lex.thirdPerson(verb);
        }

        String copula(boolean plural) {
            return past ? (plural ? "were" : "was") : (plural ? "are" : "is");
        }

        String sentence() {
            int form = rng.nextInt(20);
            String s;
            if (form < 8) {
                s = clause() + ".";
            } else if (form < 11) {
                s = any(OPENERS) + ", " + clause() + ".";
            } else if (form < 15) {
                s = clause() + any(JOINERS) + clause() + ".";
            } else if (form < 17) {
                s = (past ? "When " : "If ") + clause() + ", " + clause() + ".";
            } else if (form < 19 && past) {
                boolean question = chance(0.3);
                boolean many = chance(0.4);
                String quote = question
                        ? "where " + (many ? "are " : "is ") + nounPhrase(many, 1) + "?"
                        : capitalize(new Doc(rng, false).clause()) + ",";
                s = "\"" + capitalize(quote) + "\" " + (question ? "asked " : "said ") + (chance(0.5) ? hero : name())
                        + ".";
            } else {
                s = "It " + (past ? "was " : "is ") + skewed(lex.adjectives) + " to " + skewed(lex.transitive) + " "
                        + nounPhrase(chance(0.4), 0) + ".";
            }
            return capitalize(s);
        }

        String paragraph() {
            StringBuilder p = new StringBuilder();
            int sentences = 3 + rng.nextInt(4);
            for (int i = 0; i < sentences; i++) p.append(i == 0 ? "" : " ").append(sentence());
            return p.toString();
        }

        String title() {
            return switch (rng.nextInt(3)) {
                case 0 -> "The " + capitalize(skewed(lex.adjectives)) + " " + capitalize(noun());
                case 1 -> "A " + capitalize(noun()) + " in " + place;
                default -> hero + " and the " + capitalize(noun());
            };
        }
    }

    /** One document: a story, an essay or a letter of a few paragraphs. */
    String document(SplittableRandom rng) {
        int kind = rng.nextInt(10);
        Doc doc = new Doc(rng, kind != 6 && kind != 7);
        StringBuilder out = new StringBuilder();
        boolean letter = kind >= 8;
        if (letter) out.append("Dear ").append(doc.name()).append(",\n\n");
        else if (doc.chance(0.6)) out.append(doc.title()).append("\n\n");
        int paragraphs = 1 + rng.nextInt(4);
        for (int i = 0; i < paragraphs; i++) out.append(i == 0 ? "" : "\n\n").append(doc.paragraph());
        if (letter) out.append("\n\nYours,\n").append(doc.hero);
        return out.append('\n').toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

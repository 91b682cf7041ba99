package ablation.reports.model;

/** The language of a held-out source: programming language or natural language (lesson 4). */
public enum Domain {
    PL,
    NL
}

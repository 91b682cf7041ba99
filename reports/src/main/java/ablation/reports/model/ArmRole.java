package ablation.reports.model;

/** What an arm is to its lesson's claim; the verdict rules read these roles. */
public enum ArmRole {
    /** What the claim compares against: causal (lesson 1), causal LM only (2, 3), the fewest epochs (5). */
    BASELINE,
    /** What the claim is about: prefix-LM (1), each infill rate (2), the 50/50 causal LM + span corruption mix (3), the NL/PL mix (4), more epochs (5). */
    TREATMENT,
    /** Lesson 4's model trained on programming language only. */
    PL_ONLY,
    /** Lesson 4's model trained on natural language only. */
    NL_ONLY,
    /** Shown in tables and charts; not used by the verdict. */
    OTHER
}

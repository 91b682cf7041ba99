package ablation.reports.source;

import ablation.core.WorkbenchException;
import ablation.core.spec.Ablation;
import ablation.core.spec.AblationSpec;
import ablation.core.spec.GridExpander;
import ablation.core.spec.RunSpec;
import ablation.core.spec.SpecLoader;
import ablation.storage.study.Study;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A study's stored spec read again: its description, its base config, and per ablation the runs
 * it plans. Each ablation is expanded on its own, so its runs carry that ablation's axis labels
 * (the study-wide expansion keeps one run, with one set of labels, for a config shared by several
 * lessons); runs are matched to the stored ones by config hash.
 *
 * <p>Nothing here fails: a study without a spec, or whose spec no longer loads or expands (a
 * tokenizer file moved, a default changed), still loads, and {@link #notes} says what is missing.
 *
 * @param baseConfig the base run config as runs store theirs, or null when it cannot be had
 * @param notes      sentences for the report saying what could not be derived and why
 */
record StoredSpec(String description, JsonNode baseConfig, List<PlannedAblation> ablations, List<String> notes) {
    private static final String TOKENIZER_PATH = "tokenizer.path";

    /** One ablation of the spec and the runs it expands to (seeds included). */
    record PlannedAblation(Ablation ablation, List<RunSpec> runs) {}

    static StoredSpec read(Study study) {
        List<String> notes = new ArrayList<>();
        if (study.specJson() == null) {
            notes.add("The study has no stored spec (its runs were added one by one), so no lesson is analysed"
                    + " and config differences are against the values all runs share.");
            return new StoredSpec(null, null, List.of(), notes);
        }
        AblationSpec spec;
        try {
            spec = SpecLoader.parse(study.specJson());
        } catch (WorkbenchException e) {
            notes.add("The study's stored spec no longer loads (" + e.getMessage() + "), so no lesson is analysed.");
            return new StoredSpec(null, null, List.of(), notes);
        }
        JsonNode base = null;
        try {
            base = ConfigDiff.parse(GridExpander.baseConfigJson(spec));
        } catch (WorkbenchException e) {
            notes.add("The study's base config is not valid on its own (" + e.getMessage()
                    + "), so config differences are against the values all runs share.");
        }
        List<PlannedAblation> ablations = new ArrayList<>();
        for (Ablation ablation : spec.ablations()) {
            AblationSpec alone = new AblationSpec(
                    spec.name(),
                    spec.description(),
                    spec.base(),
                    List.of(ablation),
                    spec.seeds(),
                    spec.match(),
                    spec.parallel(),
                    spec.slurm());
            try {
                ablations.add(new PlannedAblation(ablation, GridExpander.expand(alone, true)));
            } catch (WorkbenchException e) {
                notes.add((ablation.lesson() == 0 ? "An ablation" : "Lesson " + ablation.lesson())
                        + "'s runs no longer expand from the stored spec (" + e.getMessage()
                        + "), so it is not analysed.");
            }
        }
        return new StoredSpec(spec.description(), base, ablations, notes);
    }

    /** Config hash -> the lessons (1-5) whose ablations plan that run. */
    Map<String, Set<Integer>> lessonsByConfigHash() {
        Map<String, Set<Integer>> lessons = new HashMap<>();
        for (PlannedAblation planned : ablations) {
            int lesson = planned.ablation().lesson();
            if (lesson == 0) continue;
            for (RunSpec run : planned.runs())
                lessons.computeIfAbsent(run.configHash(), h -> new TreeSet<>()).add(lesson);
        }
        return lessons;
    }

    /**
     * What runs are diffed against, flattened: the base config, else the values all the study's runs
     * share. A tokenizer file every run uses where the base trains one is the study's shared
     * tokenizer, pinned in each run's config when it was queued: it counts as the base's.
     */
    Map<String, JsonNode> diffBase(Collection<JsonNode> runConfigs) {
        Map<String, JsonNode> shared = ConfigDiff.common(List.copyOf(runConfigs));
        if (baseConfig == null) return shared;
        Map<String, JsonNode> base = ConfigDiff.flatten(baseConfig);
        if (ConfigDiff.same(base.get(TOKENIZER_PATH), null) && !ConfigDiff.same(shared.get(TOKENIZER_PATH), null)) {
            base.keySet().removeIf(path -> path.startsWith("tokenizer."));
            shared.forEach((path, value) -> {
                if (path.startsWith("tokenizer.")) base.put(path, value);
            });
        }
        return base;
    }
}

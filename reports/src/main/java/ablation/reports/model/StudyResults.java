package ablation.reports.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a lesson report shows about one study.
 *
 * @param baseConfig the study's base run config (JSON or YAML text) that every run's diff is relative to
 * @param runs every planned run, finished or not
 * @param lessons how each lesson the study tests is made of runs; at most one design per lesson
 */
public record StudyResults(
        String name, String description, String baseConfig, List<RunResult> runs, List<LessonDesign> lessons) {
    public StudyResults {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a study needs a name");
        runs = List.copyOf(runs);
        lessons = List.copyOf(lessons);
        Set<String> names = new HashSet<>();
        for (RunResult run : runs) {
            if (!names.add(run.name()))
                throw new IllegalArgumentException("study " + name + ": run " + run.name() + " appears twice");
        }
        Set<Lesson> seen = new HashSet<>();
        for (LessonDesign design : lessons) {
            if (!seen.add(design.lesson()))
                throw new IllegalArgumentException(
                        "study " + name + ": lesson " + design.lesson().number() + " is designed twice");
            for (Arm arm : design.arms()) {
                for (String run : arm.runs()) {
                    if (!names.contains(run)) {
                        throw new IllegalArgumentException("study " + name + ": lesson "
                                + design.lesson().number() + " arm " + arm.label() + " names unknown run " + run);
                    }
                }
            }
        }
    }

    public RunResult run(String runName) {
        return byName().get(runName);
    }

    /** The arm's runs, in the arm's order. */
    public List<RunResult> runs(Arm arm) {
        Map<String, RunResult> byName = byName();
        return arm.runs().stream().map(byName::get).toList();
    }

    public List<RunResult> unfinished() {
        return runs.stream().filter(r -> !r.finished()).toList();
    }

    private Map<String, RunResult> byName() {
        Map<String, RunResult> map = new LinkedHashMap<>();
        runs.forEach(r -> map.put(r.name(), r));
        return map;
    }
}

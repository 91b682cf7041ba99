package ablation.app.gui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arms named in the study's axis vocabulary, whatever their configs look like. */
class GroupingTest {
    private final List<CompareRun> runs = new ArrayList<>();

    /** A run as the five-lesson study stores it: a name from its axis labels, a config of many paths. */
    private void run(String name, String cell, String arch, double fim, double pythonWeight, long seed) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("model.arch", arch);
        config.put("objective.fim", String.valueOf(fim));
        config.put("objective.clm", String.valueOf(1 - fim));
        config.put("sources[0].max_tokens", "0");
        config.put("sources[0].weight", String.valueOf(pythonWeight));
        config.put("sources[1].weight", String.valueOf(1 - pythonWeight));
        config.put("train.seed", String.valueOf(seed));
        runs.add(new CompareRun(runs.size() + 1, name, "finished", cell, config));
    }

    private static List<String> labels(List<RunGroup> groups) {
        return groups.stream().map(RunGroup::label).toList();
    }

    @Test
    void cellsOfSeveralAblationsAreNamedByTheirAxisLabelsNotByConfigPaths() {
        run("arch=causal,seed=1", "a", "causal", 0, 1, 1);
        run("arch=causal,seed=2", "a", "causal", 0, 1, 2);
        run("arch=prefix_lm,seed=1", "b", "prefix_lm", 0, 1, 1);
        run("fim=0.5,seed=1", "c", "causal", 0.5, 1, 1);
        run("mix=python0.5+english0.5,seed=1", "d", "causal", 0, 0.5, 1);
        List<RunGroup> cells = Grouping.byCell(runs);
        assertEquals(List.of("arch=causal", "arch=prefix_lm", "fim=0.5", "mix=python0.5+english0.5"), labels(cells));
        assertTrue(cells.get(0).details().contains("\nsources[0].weight = 1.0"), "the full config is in the details");
        assertTrue(cells.get(0).details().contains("\ntrain.seed = 1, 2"), "with the seeds pooled in the arm");
        assertFalse(cells.get(0).details().contains("\nname ="), "the name is the label, not a setting");
    }

    @Test
    void onlyTheAxesThatTellTheArmsApartNameThem() {
        run("fim=0,fmt=psm,seed=1", "a", "causal", 0, 1, 1);
        run("fim=0.5,fmt=psm,seed=1", "b", "causal", 0.5, 1, 1);
        assertEquals(List.of("fim=0", "fim=0.5"), labels(Grouping.byCell(runs)), "fmt is psm in both");
        run("fim=0.5,fmt=spm,seed=1", "c", "causal", 0.5, 1, 1);
        assertEquals(List.of("fim=0, fmt=psm", "fim=0.5, fmt=psm", "fim=0.5, fmt=spm"), labels(Grouping.byCell(runs)));
    }

    @Test
    void runsPickedOneByOneAreToldApartByTheirSeedsToo() {
        run("fim=0,seed=1", "a", "causal", 0, 1, 1);
        run("fim=0,seed=2", "a", "causal", 0, 1, 2);
        run("fim=0.5,seed=2", "b", "causal", 0.5, 1, 2);
        assertEquals(List.of("fim=0, seed=1", "fim=0, seed=2", "fim=0.5, seed=2"), labels(Grouping.each(runs)));
        assertEquals(List.of("seed=1", "seed=2"), labels(Grouping.each(runs.subList(0, 2))));
    }

    @Test
    void aLabelWithACommaStaysOnePart() {
        run("mix=python,english,seed=1", "a", "causal", 0, 0.5, 1);
        run("mix=python,seed=1", "b", "causal", 0, 1, 1);
        assertEquals(List.of("mix=python,english", "mix=python"), labels(Grouping.byCell(runs)));
    }

    @Test
    void oneArmIsNamedInFull() {
        run("fim=0.5,fmt=spm,seed=1", "a", "causal", 0.5, 1, 1);
        assertEquals(List.of("fim=0.5, fmt=spm"), labels(Grouping.byCell(runs)));
    }
}

package ablation.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridExpanderTest {
    private static final String BASE = """
            name: s
            base:
              objective: {span: {ratio_max: 0.2}}
              data: {sources: [{name: py, kind: desk-pl}, {name: en, kind: desk-nl, weight: 0}]}
              train: {tokens: 1000000}
            """;

    private static List<RunSpec> expand(String yaml) {
        return GridExpander.expand(SpecLoader.parse(BASE + yaml), false);
    }

    @Test
    void gridTimesSeedsWithReadableNames() {
        List<RunSpec> grid = expand("""
                axes:
                  - {path: model.layers, name: layers, values: [2, 4, 6]}
                  - {path: objective, name: obj, values: [{clm: 1.0}, {clm: 0.5, span_corruption: 0.5}]}
                seeds: [1, 2]
                """);
        assertEquals(12, grid.size());
        assertEquals("layers=2,obj=clm,seed=1", grid.get(0).name());
        assertTrue(grid.stream().anyMatch(r -> r.name().equals("layers=6,obj=clm0.5+sc0.5,seed=2")));
        assertEquals(12, grid.stream().map(RunSpec::configHash).distinct().count());
        assertEquals(6, grid.stream().map(RunSpec::cellKey).distinct().count(), "seeds share a cell");
    }

    @Test
    void mapValuesMergeKeepingOtherSettings() {
        RunSpec run = expand("axes: [{path: objective, values: [{clm: 0.5, fim: 0.5}]}]\n")
                .get(0);
        assertEquals(0.5, run.config().objective().fim());
        assertEquals(0.2, run.config().objective().span().ratioMax(), "span settings of the base survive the merge");
    }

    @Test
    void listsOfMapsMergeElementWise() {
        RunSpec run = expand("axes: [{path: data.sources, values: [[{weight: 0.5}, {weight: 0.5}]]}]\n")
                .get(0);
        assertEquals("en", run.config().data().sources().get(1).name(), "names and kinds survive");
        assertEquals(0.5, run.config().data().sources().get(1).weight());
    }

    @Test
    void zipPairsValues() {
        List<RunSpec> runs = expand("""
                combine: zip
                axes:
                  - {path: model.layers, values: [2, 4]}
                  - {path: model.d_model, values: [128, 256]}
                """);
        assertEquals(2, runs.size());
        assertEquals(128, runs.get(0).config().model().dModel());
        assertEquals(4, runs.get(1).config().model().layers());
    }

    @Test
    void tokensMatchedByDefaultAndFlopsMatchedOnRequest() {
        String axes = "axes: [{path: model.layers, values: [2, 8]}]\n";
        List<RunSpec> byTokens = expand(axes);
        assertEquals(byTokens.get(0).tokens(), byTokens.get(1).tokens());
        List<RunSpec> byFlops = expand(axes + "match: flops\n");
        assertTrue(byFlops.get(0).tokens() > byFlops.get(1).tokens(), "the smaller model trains on more tokens");
        assertEquals(
                byFlops.get(0).trainingFlops(),
                byFlops.get(1).trainingFlops(),
                byFlops.get(0).trainingFlops() * 1e-5);
    }

    @Test
    void epochsAxisCapsTheFirstSource() {
        List<RunSpec> runs = expand("axes: [{path: epochs, values: [1, 4]}]\n");
        assertEquals(1_000_000, runs.get(0).config().data().sources().get(0).maxTokens());
        assertEquals(250_000, runs.get(1).config().data().sources().get(0).maxTokens());
        assertEquals(runs.get(0).tokens(), runs.get(1).tokens());
    }

    @Test
    void sharedBaselineIsTrainedOnceForEveryLessonThatUsesIt() {
        List<RunSpec> runs = expand("""
                ablations:
                  - {lesson: 1, axes: [{path: model.layers, values: [4, 2]}]}
                  - {lesson: 5, axes: [{path: model.d_model, values: [256, 128]}]}
                """);
        assertEquals(3, runs.size());
        assertEquals(Set.of(1, 5), runs.get(0).lessons());
    }

    @Test
    void badAxesAreNamed() {
        ConfigException missing =
                assertThrows(ConfigException.class, () -> expand("axes: [{path: modle.layers, values: [1]}]\n"));
        assertTrue(missing.getMessage().contains("modle"), missing.getMessage());
        WorkbenchException wrongType =
                assertThrows(WorkbenchException.class, () -> expand("axes: [{path: model.layers, values: [two]}]\n"));
        assertTrue(wrongType.getMessage().contains("layers"), wrongType.getMessage());
        WorkbenchException empty =
                assertThrows(WorkbenchException.class, () -> expand("axes: [{path: model.layers, values: []}]\n"));
        assertTrue(empty.getMessage().contains("values"), empty.getMessage());
        assertThrows(ConfigException.class, () -> expand("axes: [{path: train.tokens, values: [5, 6]}]\n"));
    }

    @Test
    void hugeGridsNeedForce() {
        String axes = "axes: [{path: model.layers, values: [" + "1,".repeat(101) + "1]}, {path: train.seed, values: ["
                + "1,".repeat(100) + "1]}]\n";
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> expand(axes));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertNotEquals(
                0,
                GridExpander.combinations(
                                SpecLoader.parse(BASE + axes).ablations().get(0))
                        .size());
    }
}

package ablation.engine.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.ConfigException;
import ablation.core.config.DeskDifficulty;
import ablation.core.config.SourceKind;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeskDifficultyTest {
    @Test
    void rejectsOutOfRangeKnobsNamingTheField() {
        ConfigException e = assertThrows(ConfigException.class, () -> new DeskDifficulty(0, 6, 2, 3, 2, 1, 0.25));
        assertEquals("desk.max_steps", e.field());
        assertTrue(e.getMessage().contains("0"));
        assertEquals(
                "desk.families",
                assertThrows(ConfigException.class, () -> new DeskDifficulty(3, 7, 2, 3, 2, 1, 0.25))
                        .field());
        assertEquals(
                "desk.loop_share",
                assertThrows(ConfigException.class, () -> new DeskDifficulty(3, 6, 2, 3, 2, 1, 1.5))
                        .field());
    }

    @Test
    void maxStepsAndFamiliesBoundThePrograms() {
        ProgramSampler sampler = new ProgramSampler(new DeskDifficulty(2, 1, 1, 3, 2, 1, 0.25));
        SplittableRandom rng = new SplittableRandom(1);
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Program p = sampler.sample(rng);
            lengths.add(p.steps().size());
            assertEquals(PyType.INTS, p.input());
            for (Step s : p.steps()) {
                assertEquals(Family.NUMBERS, s.fragment().family());
                assertTrue(!s.lifted(), "max_args 1 lifts no constant");
            }
        }
        assertEquals(Set.of(1, 2), lengths);
    }

    @Test
    void examplesAndNameVarietyShapeTheDocuments() {
        DeskDifficulty plain = new DeskDifficulty(3, 1, 1, 1, 1, 0, 0);
        for (String doc : take(DeskCorpus.documents(SourceKind.DESK_PL, 1, plain), 300)) {
            assertTrue(!doc.contains(">>>"), doc);
            for (String line : doc.lines().filter(l -> l.startsWith("def ")).toList()) {
                assertTrue(line.contains("(nums") && !line.contains("get_"), line);
            }
        }
        DeskDifficulty verbose = new DeskDifficulty(3, 6, 2, 7, 3, 3, 0.5);
        Set<String> prefixes = new HashSet<>();
        for (String doc : take(DeskCorpus.documents(SourceKind.DESK_PL, 1, verbose), 300)) {
            long defs = doc.lines().filter(l -> l.startsWith("def ")).count();
            long examples =
                    doc.lines().filter(l -> l.strip().startsWith(">>> ")).count();
            assertEquals(3 * defs, examples, doc);
            doc.lines().filter(l -> l.startsWith("def ")).forEach(l -> prefixes.add(l.substring(4, 8)));
        }
        assertTrue(prefixes.size() > 20, "names vary: " + prefixes);
    }

    @Test
    void loopShareSwitchesBetweenComprehensionsAndLoops() {
        assertEquals(0, appendLines(new DeskDifficulty(3, 1, 1, 3, 2, 1, 0)));
        assertTrue(appendLines(new DeskDifficulty(3, 1, 1, 3, 2, 1, 1)) > 100);
    }

    private static long appendLines(DeskDifficulty d) {
        return take(DeskCorpus.documents(SourceKind.DESK_PL, 2, d), 300).stream()
                .mapToLong(
                        doc -> doc.lines().filter(l -> l.contains(".append(")).count())
                .sum();
    }

    @Test
    void everyDifficultyKeepsTheHeldOutSplit() {
        DeskDifficulty narrow = new DeskDifficulty(1, 1, 1, 1, 1, 0, 0);
        Set<String> training = new HashSet<>();
        for (String doc : take(DeskCorpus.documents(SourceKind.DESK_PL, 4, narrow), 3_000)) {
            for (String body : BodyNormalizer.functionBodies(doc)) training.add(BodyNormalizer.normalize(body));
        }
        for (var p : DeskBenchmarks.l2r(4, 30, narrow)) {
            assertTrue(!training.contains(BodyNormalizer.normalize(p.canonicalSolution())), p.canonicalSolution());
        }
    }

    private static List<String> take(Iterator<String> it, int n) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) out.add(it.next());
        return out;
    }

    /** The config bounds desk.families by a constant; it must be the number of families the suite has. */
    @Test
    void theConfigKnowsEveryFamily() {
        assertEquals(Family.values().length, DeskDifficulty.FAMILIES);
    }
}

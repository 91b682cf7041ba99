package ablation.engine.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.engine.benchmark.Problem;
import ablation.engine.benchmark.ProblemFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskBenchmarksTest {
    private static final List<Problem> L2R = DeskBenchmarks.l2r(7, 200);
    private static final List<Problem> INFILL = DeskBenchmarks.infill(7, 200);

    @Test
    void canonicalSolutionsPassTheirTestsUnderPython() {
        Python.assumeAvailable();
        for (List<Problem> benchmark : List.of(L2R, INFILL)) {
            List<String> programs = benchmark.stream()
                    .map(p -> p.program(p.canonicalSolution()))
                    .toList();
            List<String> results = Python.run(programs);
            for (int i = 0; i < results.size(); i++) {
                assertEquals("ok", results.get(i), benchmark.get(i).taskId() + " fails:\n" + programs.get(i));
            }
        }
    }

    @Test
    void wrongBodiesFailTheirTests() {
        Python.assumeAvailable();
        List<String> constant = new ArrayList<>();
        List<String> identity = new ArrayList<>();
        for (Problem p : L2R) {
            String firstExpected = p.test()
                    .lines()
                    .filter(l -> l.contains("assert"))
                    .findFirst()
                    .orElseThrow()
                    .split(" == ", 2)[1];
            constant.add(p.program("    return " + firstExpected + "\n"));
            String firstArgument =
                    p.prompt().substring(p.prompt().indexOf('(') + 1).split("[,:)]")[0];
            identity.add(p.program("    return " + firstArgument + "\n"));
        }
        assertTrue(passRate(Python.run(constant)) < 0.02, "returning the first expected value must fail");
        assertTrue(passRate(Python.run(identity)) < 0.02, "returning the first argument must fail");
        List<String> wrongMiddle = INFILL.stream()
                .map(p -> p.program(
                        p.taskId().endsWith("/R")
                                ? "None"
                                : p.canonicalSolution().replaceAll("^( *).*\n$", "$1pass\n")))
                .toList();
        assertTrue(
                passRate(Python.run(wrongMiddle)) < 0.1,
                "an infill task with its line replaced by pass must mostly fail");
    }

    private static double passRate(List<String> results) {
        return results.stream().filter("ok"::equals).count() / (double) results.size();
    }

    @Test
    void problemsHaveTheHumanEvalShape() {
        for (int i = 0; i < L2R.size(); i++) {
            Problem p = L2R.get(i);
            assertEquals("DeskL2R/" + i, p.taskId());
            assertTrue(p.prompt().startsWith("def " + p.entryPoint() + "("), p.prompt());
            assertTrue(p.prompt().endsWith("\"\"\"\n"), p.prompt());
            assertTrue(p.canonicalSolution().startsWith("    ")
                    && p.canonicalSolution().endsWith("\n"));
            assertTrue(p.test().contains("def check(candidate):"));
            assertTrue(p.test()
                            .lines()
                            .filter(l -> l.strip().startsWith("assert candidate("))
                            .count()
                    >= 3);
            assertTrue(!p.isInfill());
        }
        assertEquals(L2R.size(), INFILL.size(), "one infill task per left-to-right problem");
        int expressions = 0;
        for (int i = 0; i < INFILL.size(); i++) {
            Problem t = INFILL.get(i);
            Problem whole = L2R.get(i);
            assertEquals(whole.taskId(), DeskBenchmarks.l2rTaskId(t.taskId()));
            assertTrue(t.isInfill(), "the suffix is never empty");
            assertTrue(t.prompt().startsWith(whole.prompt()), "the docstring and its examples stay whole");
            assertEquals(whole.prompt() + whole.canonicalSolution(), t.prompt() + t.canonicalSolution() + t.suffix());
            assertEquals(whole.test(), t.test());
            boolean oneLine = whole.canonicalSolution().indexOf('\n')
                    == whole.canonicalSolution().length() - 1;
            if (t.taskId().equals("DeskInfill/" + i + "/R")) {
                expressions++;
                assertTrue(oneLine);
                assertEquals(whole.prompt() + "    return", t.prompt());
                assertEquals("\n", t.suffix());
                assertTrue(
                        t.canonicalSolution().startsWith(" ")
                                && !t.canonicalSolution().isBlank()
                                && !t.canonicalSolution().contains("\n"),
                        "the middle is ' EXPR': " + t.canonicalSolution());
            } else {
                assertTrue(t.taskId().matches("DeskInfill/" + i + "/L\\d+"), t.taskId());
                assertTrue(!oneLine, "a one-line body gives its return expression");
                assertTrue(
                        t.canonicalSolution().endsWith("\n")
                                && t.canonicalSolution().indexOf('\n')
                                        == t.canonicalSolution().length() - 1,
                        "the middle is exactly one line with its newline: " + t.canonicalSolution());
            }
        }
        long oneLiners = L2R.stream()
                .filter(p -> p.canonicalSolution().indexOf('\n')
                        == p.canonicalSolution().length() - 1)
                .count();
        assertEquals(oneLiners, expressions, "holes follow the problems' own mix of one-line and longer bodies");
        assertTrue(expressions > 0 && expressions < INFILL.size());
    }

    @Test
    void sameSeedSameProblemsOtherSeedOthers() {
        assertEquals(L2R, DeskBenchmarks.l2r(7, 200));
        assertEquals(L2R.subList(0, 20), DeskBenchmarks.l2r(7, 20), "the first problems do not depend on the count");
        assertEquals(INFILL.subList(0, 20), DeskBenchmarks.infill(7, 20));
        List<Problem> other = DeskBenchmarks.l2r(8, 200);
        assertNotEquals(L2R, other);
        long same = 0;
        for (int i = 0; i < 200; i++)
            same += L2R.get(i).prompt().equals(other.get(i).prompt()) ? 1 : 0;
        assertTrue(same < 10, same + " identical prompts across seeds");
    }

    @Test
    void roundTripsThroughTheBenchmarkFileFormat(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ProblemFiles.write(dir.resolve("l2r.jsonl"), L2R);
        ProblemFiles.write(dir.resolve("infill.jsonl"), INFILL);
        assertEquals(L2R, ProblemFiles.read(dir.resolve("l2r.jsonl")));
        assertEquals(INFILL, ProblemFiles.read(dir.resolve("infill.jsonl")));
    }
}

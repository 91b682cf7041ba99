package ablation.engine.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.SourceKind;
import ablation.engine.benchmark.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeskCorpusTest {
    private static final List<String> PL = take(DeskCorpus.documents(SourceKind.DESK_PL, 3), 20_000);

    private static List<String> take(Iterator<String> it, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(it.next());
        return out;
    }

    @Test
    void noHeldOutBodyOccursInTraining() {
        Set<String> training = new HashSet<>();
        for (String doc : PL)
            for (String body : BodyNormalizer.functionBodies(doc)) training.add(BodyNormalizer.normalize(body));
        assertTrue(training.size() > 5_000, "the corpus is varied: " + training.size() + " distinct bodies");
        List<Problem> heldOut = new ArrayList<>(DeskBenchmarks.l2r(3, 100));
        heldOut.addAll(DeskBenchmarks.l2r(99, 100));
        for (Problem p : heldOut) {
            String body = BodyNormalizer.normalize(p.canonicalSolution());
            assertTrue(
                    !training.contains(body), p.taskId() + " occurs in the training corpus:\n" + p.canonicalSolution());
        }
    }

    @Test
    void trainingDocumentsAreValidPython() {
        Python.assumeAvailable();
        List<String> results = Python.compile(PL);
        for (int i = 0; i < results.size(); i++) assertEquals("ok", results.get(i), PL.get(i));
    }

    @Test
    void trainingFunctionsRunAndMatchTheirDocstringExamples() {
        Python.assumeAvailable();
        List<String> programs = new ArrayList<>();
        for (String doc : PL.subList(0, 2_000)) programs.add(doc + "\n" + examplesAsAsserts(doc));
        List<String> results = Python.run(programs);
        for (int i = 0; i < results.size(); i++) assertEquals("ok", results.get(i), programs.get(i));
    }

    /** Turns each ">>> call" / "result" pair of the docstrings into an assert. */
    private static String examplesAsAsserts(String doc) {
        StringBuilder out = new StringBuilder();
        String[] lines = doc.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(">>> "))
                out.append("assert ")
                        .append(line.substring(4))
                        .append(" == ")
                        .append(lines[i + 1].strip())
                        .append('\n');
        }
        return out.toString();
    }

    @Test
    void sameSeedSameDocumentsOtherSeedOthers() {
        for (SourceKind kind : List.of(SourceKind.DESK_PL, SourceKind.DESK_NL)) {
            List<String> a = take(DeskCorpus.documents(kind, 11), 50);
            assertEquals(a, take(DeskCorpus.documents(kind, 11), 50), kind.label());
            List<String> b = take(DeskCorpus.documents(kind, 12), 50);
            assertNotEquals(a, b, kind.label());
            assertTrue(a.stream().filter(b::contains).count() < 5, kind + " seeds give different documents");
        }
    }

    @Test
    void proseHasALargeVocabularyAndIsNotCode() {
        List<String> docs = take(DeskCorpus.documents(SourceKind.DESK_NL, 5), 2_000);
        Set<String> words = new HashSet<>();
        long codeLines = 0;
        for (String doc : docs) {
            for (String w : doc.toLowerCase().split("[^a-z]+")) if (!w.isEmpty()) words.add(w);
            codeLines += doc.lines()
                    .filter(l -> l.startsWith("def ") || l.contains("):") || l.contains(" = ") || l.contains("["))
                    .count();
        }
        assertTrue(words.size() > 3_000, words.size() + " distinct words");
        assertEquals(0, codeLines);
    }

    @Test
    void unknownKindIsAUserError() {
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> DeskCorpus.documents(SourceKind.FILES, 1));
        assertTrue(e.getMessage().contains("files"));
    }
}

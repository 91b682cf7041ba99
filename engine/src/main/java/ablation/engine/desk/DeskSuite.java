package ablation.engine.desk;

import ablation.core.WorkbenchException;
import ablation.core.config.DeskDifficulty;
import ablation.core.config.SourceKind;
import ablation.engine.benchmark.Problem;
import ablation.engine.benchmark.ProblemFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;

/**
 * Writes the whole desk suite to a directory: {@code desk-pl.jsonl} and {@code desk-nl.jsonl} (one
 * {@code {"text": ...}} per line, usable as {@code jsonl} sources), {@code desk-l2r.jsonl} and
 * {@code desk-infill.jsonl} (HumanEval / HumanEval-Infilling format), {@code manifest.json} and a
 * {@code README.txt}. Every file is written to a temporary name and renamed into place.
 */
public final class DeskSuite {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String PL_FILE = "desk-pl.jsonl";
    public static final String NL_FILE = "desk-nl.jsonl";
    public static final String L2R_FILE = "desk-l2r.jsonl";
    public static final String INFILL_FILE = "desk-infill.jsonl";

    private DeskSuite() {}

    /** What was written: counts, characters and the time it took. */
    public record Summary(
            Path dir,
            long seed,
            int problems,
            int infillTasks,
            int plDocs,
            long plChars,
            int nlDocs,
            long nlChars,
            double seconds) {}

    /**
     * @param problems desk-l2r problems, and as many desk-infill tasks
     */
    public static Summary write(Path dir, long seed, int problems, int plDocs, int nlDocs, DeskDifficulty difficulty) {
        if (problems < 0 || plDocs < 0 || nlDocs < 0) {
            throw new WorkbenchException("counts must not be negative (problems " + problems + ", pl docs " + plDocs
                    + ", nl docs " + nlDocs + ")");
        }
        long start = System.nanoTime();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WorkbenchException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        long plChars =
                writeTexts(dir.resolve(PL_FILE), DeskCorpus.documents(SourceKind.DESK_PL, seed, difficulty), plDocs);
        long nlChars =
                writeTexts(dir.resolve(NL_FILE), DeskCorpus.documents(SourceKind.DESK_NL, seed, difficulty), nlDocs);
        List<Problem> l2r = DeskBenchmarks.l2r(seed, problems, difficulty);
        List<Problem> infill = DeskBenchmarks.infill(seed, problems, difficulty);
        writeProblems(dir.resolve(L2R_FILE), l2r);
        writeProblems(dir.resolve(INFILL_FILE), infill);
        Summary summary = new Summary(
                dir,
                seed,
                l2r.size(),
                infill.size(),
                plDocs,
                plChars,
                nlDocs,
                nlChars,
                (System.nanoTime() - start) / 1e9);
        writeAtomically(dir.resolve("manifest.json"), out -> out.write(manifest(summary, difficulty)));
        writeAtomically(dir.resolve("README.txt"), out -> out.write(readme(summary, difficulty)));
        return summary;
    }

    /** ProblemFiles refuses to read an empty benchmark, so zero problems means no file. */
    private static void writeProblems(Path file, List<Problem> problems) {
        if (!problems.isEmpty()) ProblemFiles.write(file, problems);
    }

    private static long writeTexts(Path file, Iterator<String> documents, int count) {
        long[] chars = {0};
        writeAtomically(file, out -> {
            for (int i = 0; i < count; i++) {
                String text = documents.next();
                chars[0] += text.length();
                ObjectNode line = JSON.createObjectNode();
                line.put("text", text);
                out.write(line.toString());
                out.write('\n');
            }
        });
        return chars[0];
    }

    private static String manifest(Summary s, DeskDifficulty d) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("suite", "desk");
        root.put("seed", s.seed());
        ObjectNode counts = root.putObject("counts");
        counts.put(PL_FILE, s.plDocs());
        counts.put(NL_FILE, s.nlDocs());
        counts.put(L2R_FILE, s.problems());
        counts.put(INFILL_FILE, s.infillTasks());
        ObjectNode difficulty = root.putObject("difficulty");
        difficulty.put("max_steps", d.maxSteps());
        difficulty.put("families", d.families());
        difficulty.put("max_args", d.maxArgs());
        difficulty.put("name_variety", d.nameVariety());
        difficulty.put("phrasings", d.phrasings());
        difficulty.put("examples", d.examples());
        difficulty.put("loop_share", d.loopShare());
        root.put("held_out_one_in", HeldOut.ONE_IN);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static String readme(Summary s, DeskDifficulty d) {
        return """
                Desk suite of the Ablation Workbench (generated; do not edit)

                seed %d, difficulty %s

                %-18s %,7d Python documents (1-3 functions with docstrings), {"text": ...} per line
                %-18s %,7d English prose documents, {"text": ...} per line
                %-18s %,7d held-out problems in the HumanEval format (task_id DeskL2R/i)
                %-18s %,7d infill tasks in the HumanEval-Infilling format, one per desk-l2r problem (DeskInfill/i/R:
                                   the expression after return; DeskInfill/i/Lj: line j of a longer body)

                One program in %d is held out: a hash of its normalised canonical body decides, independently
                of seed and difficulty, so no training document of any seed holds a benchmark's program.
                Regenerate: workbench data generate --out DIR --seed %d --problems %d --pl-docs %d --nl-docs %d \
                  --max-steps %d --families %d --max-args %d --name-variety %d --phrasings %d --examples %d --loop-share %s
                """.formatted(
                        s.seed(),
                        d,
                        PL_FILE,
                        s.plDocs(),
                        NL_FILE,
                        s.nlDocs(),
                        L2R_FILE,
                        s.problems(),
                        INFILL_FILE,
                        s.infillTasks(),
                        HeldOut.ONE_IN,
                        s.seed(),
                        s.problems(),
                        s.plDocs(),
                        s.nlDocs(),
                        d.maxSteps(),
                        d.families(),
                        d.maxArgs(),
                        d.nameVariety(),
                        d.phrasings(),
                        d.examples(),
                        d.loopShare());
    }

    @FunctionalInterface
    private interface Content {
        void writeTo(BufferedWriter out) throws IOException;
    }

    private static void writeAtomically(Path file, Content content) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

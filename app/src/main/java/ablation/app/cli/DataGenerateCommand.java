package ablation.app.cli;

import ablation.core.config.DeskDifficulty;
import ablation.engine.desk.DeskSuite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench data generate}: writes the desk suite (corpora and benchmarks) to a directory. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description =
                "Write the desk suite: desk-pl.jsonl, desk-nl.jsonl, desk-l2r.jsonl, desk-infill.jsonl, manifest.json, README.txt.")
public final class DataGenerateCommand implements Callable<Integer> {
    private static final DeskDifficulty D = DeskDifficulty.DEFAULT;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Directory to write (created if missing).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Suite seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--problems",
            defaultValue = "200",
            description = "desk-l2r problems and desk-infill tasks (default ${DEFAULT-VALUE}).")
    int problems;

    @Option(names = "--pl-docs", defaultValue = "20000", description = "Python documents (default ${DEFAULT-VALUE}).")
    int plDocs;

    @Option(names = "--nl-docs", defaultValue = "5000", description = "English documents (default ${DEFAULT-VALUE}).")
    int nlDocs;

    @Option(
            names = "--max-steps",
            description = "Most fragments composed per function, 1-6 (default ${DEFAULT-VALUE}).")
    int maxSteps = D.maxSteps();

    @Option(
            names = "--families",
            description =
                    "Fragment families enabled, 1-6: numbers, text, words, arithmetic, counting, conditionals (default ${DEFAULT-VALUE}).")
    int families = D.families();

    @Option(names = "--max-args", description = "Most parameters per function, 1-4 (default ${DEFAULT-VALUE}).")
    int maxArgs = D.maxArgs();

    @Option(
            names = "--name-variety",
            description = "Alternatives drawn per naming pool, 1-7 (default ${DEFAULT-VALUE}).")
    int nameVariety = D.nameVariety();

    @Option(
            names = "--phrasings",
            description = "Paraphrases used per step description, 1-3 (default ${DEFAULT-VALUE}).")
    int phrasings = D.phrasings();

    @Option(names = "--examples", description = "Doctest examples per docstring, 0-3 (default ${DEFAULT-VALUE}).")
    int examples = D.examples();

    @Option(
            names = "--loop-share",
            description = "Chance a step is written as an explicit loop, 0-1 (default ${DEFAULT-VALUE}).")
    double loopShare = D.loopShare();

    @Override
    public Integer call() {
        DeskDifficulty difficulty =
                new DeskDifficulty(maxSteps, families, maxArgs, nameVariety, phrasings, examples, loopShare);
        DeskSuite.Summary s = DeskSuite.write(out, seed, problems, plDocs, nlDocs, difficulty);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("wrote the desk suite (seed %d) to %s in %.1f s%n", s.seed(), s.dir(), s.seconds());
        w.printf("  %-18s %,8d documents  %,12d chars%n", DeskSuite.PL_FILE, s.plDocs(), s.plChars());
        w.printf("  %-18s %,8d documents  %,12d chars%n", DeskSuite.NL_FILE, s.nlDocs(), s.nlChars());
        w.printf("  %-18s %,8d problems%n", DeskSuite.L2R_FILE, s.problems());
        w.printf("  %-18s %,8d tasks%n", DeskSuite.INFILL_FILE, s.infillTasks());
        w.flush();
        return 0;
    }
}

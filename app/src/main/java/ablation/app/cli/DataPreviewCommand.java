package ablation.app.cli;

import ablation.core.WorkbenchException;
import ablation.core.config.Choice;
import ablation.core.config.ConfigLoader;
import ablation.core.config.FimFormat;
import ablation.core.config.ObjectiveConfig;
import ablation.core.config.ObjectiveKind;
import ablation.core.config.RunConfig;
import ablation.engine.data.Documents;
import ablation.engine.objective.Example;
import ablation.engine.objective.ObjectiveMix;
import ablation.engine.objective.TokenSource;
import ablation.engine.tokenizer.Tokenizer;
import ablation.engine.tokenizer.Tokenizers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code workbench data preview FILE --objective NAME}: what the model is trained on. The file is
 * one document, repeated with {@code <|endoftext|>} between copies as packing would, tokenized by
 * the config's tokenizer.json or by BPE trained on the file; each example is printed with its
 * sentinels visible and the unscored (context-only) tokens dimmed, or bracketed in ⟦ ⟧ when the
 * output is not a terminal.
 */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description =
                "Print training examples an objective makes of a text or code file (sentinels visible, unscored part marked).")
public final class DataPreviewCommand implements Callable<Integer> {
    private static final String DIM = "\u001b[2m";
    private static final String SPECIAL = "\u001b[1;36m";
    private static final String RESET = "\u001b[0m";

    enum Color {
        auto,
        always,
        never
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A UTF-8 text or code file.")
    Path file;

    @Option(names = "--objective", required = true, description = "clm, prefix_lm, span_corruption or fim.")
    String objective;

    @Option(names = "-n", defaultValue = "3", description = "Examples to print (default ${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of the objective's random choices (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--context", description = "Tokens per example (default: the config's model.context, else 128).")
    Integer context;

    @Option(
            names = "--config",
            description = "A run config whose objective settings (span, FIM, prefix), context and tokenizer to use.")
    Path config;

    @Option(names = "--fim-format", description = "codegen2 or psm_spm (overrides the config).")
    String fimFormat;

    @Option(
            names = "--color",
            defaultValue = "auto",
            description = "auto, always or never: dim the unscored part instead of bracketing it.")
    Color color;

    @Override
    public Integer call() {
        RunConfig run = config == null
                ? ConfigLoader.parse("data: {sources: [{name: file, kind: files, path: .}]}")
                : ConfigLoader.load(config);
        ObjectiveConfig settings = only(run.objective());
        int length = context != null ? context : config != null ? run.model().context() : 128;
        if (length < 8) throw new WorkbenchException("--context = " + length + ": use at least 8 tokens");
        if (count < 1) throw new WorkbenchException("-n = " + count + ": must be at least 1");
        String text = read(file);
        try (Tokenizer tokenizer = tokenizer(run, text)) {
            preview(text, tokenizer, settings, length);
        }
        return 0;
    }

    /** The config's tokenizer.json, else byte-level BPE trained on the file itself (a small file gives a small vocabulary). */
    private Tokenizer tokenizer(RunConfig run, String text) {
        if (run.tokenizer().path() != null)
            return Tokenizers.load(Path.of(run.tokenizer().path()));
        return Tokenizers.train(
                List.of(text),
                run.tokenizer().train().vocabSize(),
                run.tokenizer().maskTokens());
    }

    private void preview(String text, Tokenizer tokenizer, ObjectiveConfig settings, int length) {
        ObjectiveMix mix = new ObjectiveMix(settings, tokenizer);
        int endOfText = tokenizer.specialId(Tokenizer.END_OF_TEXT);
        TokenSource source = Documents.stream(Documents.of(List.of(tokenizer.encode(text))), endOfText);
        boolean ansi = color == Color.always || color == Color.auto && System.console() != null;

        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "%s with %s, %d-token vocabulary; %s%n",
                file.getFileName(),
                objective,
                tokenizer.vocabSize(),
                ansi ? DIM + "dim" + RESET + " = context only, not scored" : "⟦...⟧ = context only, not scored");
        for (int i = 0; i < count; i++) {
            Example example = mix.build(source, length + 1, new SplittableRandom(seed * 1_000_003L + i));
            out.printf(
                    "%n── example %d/%d: %d tokens, %d scored%s ──%n",
                    i + 1,
                    count,
                    example.tokens().length,
                    example.scoredCount(),
                    example.prefixLength() > 0
                            ? ", first " + example.prefixLength() + " attended bidirectionally"
                            : "");
            out.println(render(example, tokenizer, ansi));
        }
        mix.realised()
                .maskRatio()
                .ifPresent(ratio -> out.printf(
                        "%nrealised mask ratio %.3f (drawn per sequence in" + " [%s, %s])%n",
                        ratio, settings.span().ratioMin(), settings.span().ratioMax()));
        mix.realised()
                .fimRate()
                .ifPresent(rate -> out.printf("%nrealised FIM rate %.3f (fim_rate %s)%n", rate, settings.fimRate()));
        out.flush();
    }

    /** The objective settings with all probability on the chosen objective. */
    private ObjectiveConfig only(ObjectiveConfig base) {
        double[] p = new double[ObjectiveKind.values().length];
        p[Choice.of(ObjectiveKind.class, "--objective", objective).ordinal()] = 1;
        FimFormat format = fimFormat != null ? Choice.of(FimFormat.class, "--fim-format", fimFormat) : base.fimFormat();
        return new ObjectiveConfig(
                p[0],
                p[1],
                p[2],
                p[3],
                base.fimRate(),
                format,
                base.fimSpmShare(),
                base.fimLevel(),
                base.fileLevel(),
                base.prefix(),
                base.span());
    }

    /** Runs of tokens with the same scoring, decoded together (so multi-byte characters stay whole). */
    static String render(Example example, Tokenizer tokenizer, boolean ansi) {
        int[] tokens = example.tokens();
        StringBuilder text = new StringBuilder();
        int start = 0;
        while (start < tokens.length) {
            boolean scored = example.scored()[start];
            int end = start + 1;
            while (end < tokens.length && example.scored()[end] == scored) end++;
            String run = tokenizer.decode(Arrays.copyOfRange(tokens, start, end));
            if (ansi) {
                run = run.replaceAll(
                        "(<\\|endoftext\\|>|<sep>|<eom>|<mask_\\d+>|<fim_(?:prefix|suffix|middle)>)",
                        SPECIAL + "$1" + RESET + (scored ? "" : DIM));
                text.append(scored ? run : DIM + run + RESET);
            } else {
                text.append(scored ? run : "⟦" + run + "⟧");
            }
            start = end;
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.isEmpty()) throw new WorkbenchException(file + " is empty");
            return text;
        } catch (CharacterCodingException e) {
            throw new WorkbenchException(file + " is not valid UTF-8 text");
        } catch (IOException e) {
            throw new WorkbenchException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

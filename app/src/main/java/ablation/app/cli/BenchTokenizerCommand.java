package ablation.app.cli;

import ablation.core.WorkbenchException;
import ablation.engine.tokenizer.TokenizerBenchmark;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench bench tokenizer}: BPE training time and encoding throughput on this machine. */
@Command(
        name = "tokenizer",
        mixinStandardHelpOptions = true,
        description =
                "Train byte-level BPE on on-machine Python sources (or generated code); time training and encoding.")
public final class BenchTokenizerCommand implements Callable<Integer> {
    @Option(
            names = "--mb",
            defaultValue = "20",
            description = "Megabytes of text to train on (default ${DEFAULT-VALUE}).")
    double mb;

    @Option(
            names = "--vocab",
            defaultValue = "4096",
            description = "Vocabulary size, added tokens included (default ${DEFAULT-VALUE}).")
    int vocab;

    @Option(names = "--json", description = "One line of JSON instead of indented JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(mb > 0)) throw new WorkbenchException("--mb must be positive, got " + mb);
        TokenizerBenchmark.Result r = TokenizerBenchmark.run(mb, vocab, 64);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode out = mapper.createObjectNode();
        out.put("bench", "tokenizer");
        out.put("corpus", r.corpus());
        out.put("train_mb", round(r.trainMb(), 2));
        out.put("train_s", round(r.trainS(), 2));
        out.put("vocab_size", r.vocabSize());
        out.put("encode_mb_per_s", round(r.encodeMbPerS(), 2));
        out.put("encode_mb_per_s_all_cores", round(r.encodeMbPerSAllCores(), 2));
        out.put("bytes_per_token", round(r.bytesPerToken(), 2));
        out.put("cores", r.cores());
        out.put("load_average", round(r.loadAverage(), 2));
        if (!json) mapper.enable(SerializationFeature.INDENT_OUTPUT);
        System.out.println(mapper.writeValueAsString(out));
        return 0;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}

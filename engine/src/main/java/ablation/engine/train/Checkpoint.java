package ablation.engine.train;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.engine.model.CodeGenModel;
import ablation.engine.model.Safetensors;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verified checkpoint directory, {@code <runDir>/checkpoints/step-N/}:
 * <pre>
 *   model.safetensors      parameters by the model's names
 *   optimizer.safetensors  AdamW moments (m.NAME, v.NAME)
 *   state.json             step, steps, tokens seen, seed, vocabulary size, the BatchStream's state
 *   config.json            the run's effective config
 *   tokenizer.json         the tokenizer, when the run had one
 *   manifest.json          size and SHA-256 of each file above; written last
 * </pre>
 * A directory without a manifest is incomplete (a crash mid-write never renames one into place,
 * but a copy can be cut short); a file whose checksum differs is corrupt. Opening verifies both
 * and names the problem.
 */
public final class Checkpoint {
    static final String MODEL = "model.safetensors";
    static final String OPTIMIZER = "optimizer.safetensors";
    static final String STATE = "state.json";
    static final String CONFIG = "config.json";
    static final String TOKENIZER = "tokenizer.json";
    static final String MANIFEST = "manifest.json";
    static final String DIRECTORY = "checkpoints";
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);
    private static final Pattern STEP_DIRECTORY = Pattern.compile("step-(\\d+)");

    private final Path directory;
    private final RunConfig config;
    private final State state;

    /**
     * What a checkpoint records besides tensors.
     *
     * @param step optimizer steps done
     * @param steps steps of the whole run
     * @param tokens training tokens fed so far
     * @param stream the BatchStream's {@code state()} after the last batch used
     */
    public record State(long step, long steps, long tokens, long seed, int vocabSize, String stream) {}

    private Checkpoint(Path directory, RunConfig config, State state) {
        this.directory = directory;
        this.config = config;
        this.state = state;
    }

    /**
     * Opens a checkpoint given its own directory, or the newest valid one under a run directory
     * (or its {@code checkpoints/}).
     */
    public static Checkpoint resolve(Path path) {
        if (Files.isRegularFile(path.resolve(MANIFEST))
                || STEP_DIRECTORY.matcher(path.getFileName().toString()).matches()) {
            return open(path);
        }
        Path runDir =
                path.getFileName() != null && path.getFileName().toString().equals(DIRECTORY) ? path.getParent() : path;
        return latest(runDir)
                .orElseThrow(() -> new WorkbenchException(path + ": no complete checkpoint here (expected " + MANIFEST
                        + ", or " + DIRECTORY + "/step-N/ directories)"));
    }

    /** Verifies the manifest and every checksum, then reads the config and state. */
    public static Checkpoint open(Path directory) {
        if (!Files.isDirectory(directory))
            throw new WorkbenchException(directory + ": checkpoint directory does not exist");
        Path manifestFile = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new WorkbenchException(
                    directory + ": incomplete checkpoint (no " + MANIFEST + "; it is written last)");
        }
        try {
            JsonNode files = JSON.readTree(manifestFile.toFile()).path("files");
            if (!files.isObject()
                    || !files.has(MODEL)
                    || !files.has(STATE)
                    || !files.has(CONFIG)
                    || !files.has(OPTIMIZER)) {
                throw new WorkbenchException(directory + ": " + MANIFEST + " does not list " + MODEL + ", " + OPTIMIZER
                        + ", " + STATE + " and " + CONFIG);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> file = it.next();
                verify(
                        directory,
                        file.getKey(),
                        file.getValue().path("bytes").asLong(-1),
                        file.getValue().path("sha256").asText());
            }
            RunConfig config = ConfigLoader.parse(Files.readString(directory.resolve(CONFIG)));
            State state =
                    JSON.treeToValue(JSON.readTree(directory.resolve(STATE).toFile()), State.class);
            return new Checkpoint(directory, config, state);
        } catch (IOException e) {
            throw new WorkbenchException(directory + ": unreadable checkpoint: " + e.getMessage(), e);
        } catch (WorkbenchException e) {
            if (e.getMessage().startsWith(directory.toString())) throw e;
            throw new WorkbenchException(directory + ": " + e.getMessage(), e);
        }
    }

    /** The newest checkpoint under {@code runDir/checkpoints} that verifies; broken ones are skipped and logged. */
    public static Optional<Checkpoint> latest(Path runDir) {
        Path checkpoints = runDir.resolve(DIRECTORY);
        if (!Files.isDirectory(checkpoints)) return Optional.empty();
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> children = Files.list(checkpoints)) {
            children.filter(p ->
                            STEP_DIRECTORY.matcher(p.getFileName().toString()).matches())
                    .forEach(candidates::add);
        } catch (IOException e) {
            throw new WorkbenchException(checkpoints + ": cannot list checkpoints: " + e.getMessage(), e);
        }
        candidates.sort((a, b) -> Long.compare(stepOf(b), stepOf(a)));
        for (Path candidate : candidates) {
            try {
                return Optional.of(open(candidate));
            } catch (WorkbenchException e) {
                LOG.warn("skipping checkpoint: {}", e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes the checkpoints of {@code runDir} after {@code step}: a resume must not start ahead of
     * what the run's metrics store holds. Returns the steps deleted.
     */
    public static List<Long> discardAfter(Path runDir, long step) {
        Path checkpoints = runDir.resolve(DIRECTORY);
        if (!Files.isDirectory(checkpoints)) return List.of();
        List<Long> discarded = new ArrayList<>();
        try (Stream<Path> children = Files.list(checkpoints)) {
            for (Path candidate : children.filter(p -> stepOf(p) > step).toList()) {
                try (Stream<Path> tree = Files.walk(candidate)) {
                    for (Path file :
                            tree.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(file);
                }
                discarded.add(stepOf(candidate));
            }
        } catch (IOException e) {
            throw new WorkbenchException(
                    checkpoints + ": cannot remove checkpoints after step " + step + ": " + e.getMessage(), e);
        }
        discarded.sort(null);
        return discarded;
    }

    static Path directoryFor(Path runDir, long step) {
        return runDir.resolve(DIRECTORY).resolve("step-" + step);
    }

    private static long stepOf(Path directory) {
        Matcher matcher = STEP_DIRECTORY.matcher(directory.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static void verify(Path directory, String name, long bytes, String sha256) throws IOException {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file))
            throw new WorkbenchException(directory + ": " + name + " is listed in the manifest but missing");
        long size = Files.size(file);
        if (size != bytes) {
            throw new WorkbenchException(directory + ": " + name + " has " + size + " bytes, the manifest says " + bytes
                    + " (truncated or replaced)");
        }
        if (!sha256(file).equals(sha256))
            throw new WorkbenchException(directory + ": " + name + " is corrupt (SHA-256 differs from the manifest)");
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the digest stream hashes as it reads
            }
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    public RunConfig config() {
        return config;
    }

    public State state() {
        return state;
    }

    /** The parameters by the model's names. */
    public Map<String, Safetensors.Tensor> parameters() {
        return tensors(MODEL);
    }

    /** The optimizer moments by name ({@code m.NAME}, {@code v.NAME}). */
    public Map<String, float[]> optimizerState() {
        Map<String, float[]> state = new LinkedHashMap<>();
        tensors(OPTIMIZER).forEach((name, tensor) -> state.put(name, tensor.values()));
        return state;
    }

    /** The run's tokenizer.json, if the run had one. */
    public Optional<Path> tokenizer() {
        Path file = directory.resolve(TOKENIZER);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** A model built from the checkpoint's config and vocabulary, with its parameters. */
    public CodeGenModel loadModel(NDManager manager) {
        CodeGenModel model = new CodeGenModel(config.model(), state.vocabSize(), manager, state.seed());
        try {
            model.load(parameters(), directory.resolve(MODEL).toString());
            return model;
        } catch (RuntimeException e) { // any failure: release what was opened, then rethrow
            model.close();
            throw e;
        }
    }

    private Map<String, Safetensors.Tensor> tensors(String file) {
        try {
            return Safetensors.read(directory.resolve(file));
        } catch (IOException e) {
            throw new WorkbenchException(directory.resolve(file) + ": unreadable: " + e.getMessage(), e);
        }
    }
}

package ablation.core.spec;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigException;
import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a study into validated runs: each ablation's axes (grid or zip) times the seeds, with
 * compute matched across arms. Runs with the same effective config (a causal baseline shared by
 * several lessons, say) are trained once and tagged with every lesson that uses them.
 */
public final class GridExpander {
    /** Larger studies need {@code --force}: they are usually a typo in an axis. */
    public static final int MAX_RUNS_WITHOUT_FORCE = 10_000;

    private GridExpander() {}

    public static List<RunSpec> expand(AblationSpec spec, boolean force) {
        long planned = 0;
        for (Ablation ablation : spec.ablations())
            planned += combinations(ablation).size() * (long) spec.seeds().size();
        if (planned > MAX_RUNS_WITHOUT_FORCE && !force) {
            throw new WorkbenchException("study " + spec.name() + " expands to " + planned + " runs (more than "
                    + MAX_RUNS_WITHOUT_FORCE + "); check the axes, or pass --force to run them all");
        }
        Map<String, RunSpec> byHash = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Ablation ablation : spec.ablations()) {
            ObjectNode base = ConfigLoader.withDefaults(spec.base());
            ConfigLoader.merge(base, ablation.overrides());
            RunConfig baseConfig =
                    validate(base, ablation.lesson() == 0 ? "base" : "base of lesson " + ablation.lesson());
            double referenceFlops =
                    flopsPerToken(baseConfig) * baseConfig.train().tokens();
            for (List<Integer> combination : combinations(ablation)) {
                for (long seed : spec.seeds()) {
                    RunSpec run = build(spec, ablation, base, combination, seed, referenceFlops);
                    RunSpec existing = byHash.get(run.configHash());
                    if (existing != null) {
                        Set<Integer> lessons = new HashSet<>(existing.lessons());
                        lessons.addAll(run.lessons());
                        byHash.put(
                                run.configHash(),
                                new RunSpec(
                                        existing.name(),
                                        existing.config(),
                                        existing.axisLabels(),
                                        lessons,
                                        existing.configHash(),
                                        existing.cellKey(),
                                        existing.vocabSize(),
                                        existing.parameters(),
                                        existing.trainingFlops()));
                        continue;
                    }
                    if (!names.add(run.name())) run = renamed(run, "l" + ablation.lesson() + "." + run.name());
                    byHash.put(run.configHash(), run);
                }
            }
        }
        if (byHash.isEmpty())
            throw new WorkbenchException("study " + spec.name() + " expands to no runs: an axis has no values");
        return List.copyOf(byHash.values());
    }

    /**
     * The study's base run config (defaults applied, validated; no ablation override, axis or seed
     * change) as JSON in the form runs store theirs: what a run's config diff is relative to.
     */
    public static String baseConfigJson(AblationSpec spec) {
        return ConfigLoader.toJson(validate(ConfigLoader.withDefaults(spec.base()), "base of study " + spec.name()));
    }

    private static RunSpec build(
            AblationSpec spec,
            Ablation ablation,
            ObjectNode base,
            List<Integer> combination,
            long seed,
            double referenceFlops) {
        ObjectNode tree = base.deepCopy();
        Map<String, String> labels = new LinkedHashMap<>();
        Integer epochs = null;
        for (int a = 0; a < ablation.axes().size(); a++) {
            Axis axis = ablation.axes().get(a);
            JsonNode value = axis.values().get(combination.get(a));
            labels.put(axis.name(), axis.label(combination.get(a)));
            if (axis.path().equals("train.tokens")) {
                throw new ConfigException(
                        "axes[train.tokens]",
                        value,
                        "conflicts with match: " + spec.match()
                                + " (every arm gets the same budget); vary epochs, or the model size with match: flops");
            }
            if (axis.path().equals(Axis.EPOCHS)) epochs = value.asInt();
            else ConfigPaths.apply(tree, axis.path(), value);
        }
        ObjectNode train = (ObjectNode) tree.get("train");
        train.put("seed", seed);
        String name = (labels.isEmpty()
                        ? "base"
                        : String.join(
                                ",",
                                labels.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList()))
                + ",seed=" + seed;
        tree.put("name", name);
        if (spec.match() == Match.FLOPS) {
            RunConfig unmatched = validate(tree, name);
            train.put("tokens", Math.max(1, Math.round(referenceFlops / flopsPerToken(unmatched))));
        }
        if (epochs != null) {
            JsonNode sources = tree.path("data").path("sources");
            if (!(sources instanceof ArrayNode list) || list.isEmpty()) {
                throw new ConfigException("axes[epochs]", epochs, "needs a data source to cap");
            }
            ((ObjectNode) list.get(0))
                    .put("max_tokens", Math.max(1, train.get("tokens").asLong() / epochs));
        }
        RunConfig config = validate(tree, name);
        ObjectNode identity = ConfigLoader.JSON.valueToTree(config);
        identity.remove("name");
        String configHash = sha256(identity.toString());
        ((ObjectNode) identity.get("train")).remove("seed");
        String cellKey = sha256(identity.toString());
        int vocab = vocabSize(config);
        return new RunSpec(
                name,
                config,
                labels,
                ablation.lesson() == 0 ? Set.of() : Set.of(ablation.lesson()),
                configHash,
                cellKey,
                vocab,
                config.model().parameterCount(vocab),
                flopsPerToken(config) * config.train().tokens());
    }

    private static RunSpec renamed(RunSpec run, String name) {
        ObjectNode tree = ConfigLoader.JSON.valueToTree(run.config());
        tree.put("name", name);
        return new RunSpec(
                name,
                ConfigLoader.fromTree(tree),
                run.axisLabels(),
                run.lessons(),
                run.configHash(),
                run.cellKey(),
                run.vocabSize(),
                run.parameters(),
                run.trainingFlops());
    }

    /** Indices into each axis's values: the Cartesian product, or the i-th value of every axis for zip. */
    static List<List<Integer>> combinations(Ablation ablation) {
        List<List<Integer>> result = new ArrayList<>();
        result.add(List.of());
        if (ablation.axes().isEmpty()) return result;
        if (ablation.combine().equals(Ablation.ZIP)) {
            result.clear();
            for (int i = 0; i < ablation.axes().get(0).values().size(); i++) {
                List<Integer> same = new ArrayList<>();
                for (int a = 0; a < ablation.axes().size(); a++) same.add(i);
                result.add(same);
            }
            return result;
        }
        for (Axis axis : ablation.axes()) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> prefix : result) {
                for (int i = 0; i < axis.values().size(); i++) {
                    List<Integer> extended = new ArrayList<>(prefix);
                    extended.add(i);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }

    private static RunConfig validate(JsonNode tree, String where) {
        try {
            return ConfigLoader.fromTree(tree);
        } catch (ConfigException e) {
            throw new WorkbenchException("run " + where + ": " + e.getMessage(), e);
        }
    }

    static double flopsPerToken(RunConfig config) {
        return config.model()
                .trainingFlopsPerToken(vocabSize(config), config.model().context());
    }

    /** The vocabulary a run will have: the configured size of a trained tokenizer, else the file's. */
    public static int vocabSize(RunConfig config) {
        if (config.tokenizer().train() != null)
            return config.tokenizer().train().vocabSize();
        return TokenizerFiles.vocabSize(java.nio.file.Path.of(config.tokenizer().path()));
    }

    /** Hex SHA-256 of the text's UTF-8 bytes: the form of config hashes and cell keys. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

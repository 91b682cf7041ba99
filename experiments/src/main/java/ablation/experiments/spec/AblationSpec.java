package ablation.experiments.spec;

import ablation.core.names.StudyNames;
import ablation.engine.config.ConfigException;
import ablation.experiments.executor.SlurmOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A study as written in YAML (DESIGN.md §5): a base run config, one or more ablations (axes over
 * config paths), seeds, and how compute is matched across arms.
 *
 * @param match {@code tokens}: every arm trains on the base's token budget; {@code flops}: every arm
 *              gets the base's training FLOPs, its tokens adjusted to its model size
 * @param parallel runs trained at once by the local executor (threads split between them; default 1):
 *                 several small models train faster side by side than one on all cores
 * @param slurm what each run's task asks of a Slurm cluster (the {@code slurm:} section); used by
 *              {@code --executor slurm} only, and not part of what the study is
 */
public record AblationSpec(String name, String description, JsonNode base, List<Ablation> ablations,
                           List<Long> seeds, String match, int parallel, SlurmOptions slurm) {
    public static final String MATCH_TOKENS = "tokens";
    public static final String MATCH_FLOPS = "flops";

    public AblationSpec {
        StudyNames.problem(name).ifPresent(problem -> {
            throw new ConfigException("name", name, problem);
        });
        if (ablations == null || ablations.isEmpty()) throw new ConfigException("axes", null, "a study needs at least one ablation");
        ablations = List.copyOf(ablations);
        if (seeds != null && seeds.isEmpty()) {
            throw new ConfigException("seeds", seeds, "needs at least one seed (omit it for seed 1)");
        }
        seeds = seeds == null ? List.of(1L) : List.copyOf(seeds);
        if (seeds.stream().distinct().count() != seeds.size()) throw new ConfigException("seeds", seeds, "seeds must be distinct");
        if (match == null) match = MATCH_TOKENS;
        if (!match.equals(MATCH_TOKENS) && !match.equals(MATCH_FLOPS)) throw new ConfigException("match", match, "must be tokens or flops");
        if (parallel < 1) throw new ConfigException("parallel", parallel, "must be at least 1 (runs trained at once on this machine)");
        if (slurm == null) slurm = SlurmOptions.NONE;
    }
}

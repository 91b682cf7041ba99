package ablation.core.spec;

import ablation.core.config.ConfigException;
import ablation.core.names.StudyNames;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A study as written in YAML (docs/ARCHITECTURE.md, Configuration): a base run config, one or more
 * ablations (axes over config paths), seeds, and how compute is matched across arms.
 *
 * @param match {@code tokens}: every arm trains on the base's token budget; {@code flops}: every arm
 *              gets the base's training FLOPs, its tokens adjusted to its model size
 * @param parallel runs trained at once by the local executor (threads split between them; default 1):
 *                 several small models train faster side by side than one on all cores
 * @param slurm what each run's task asks of a Slurm cluster (the {@code slurm:} section); used by
 *              {@code --executor slurm} only, and not part of what the study is
 */
public record AblationSpec(
        String name,
        String description,
        JsonNode base,
        List<Ablation> ablations,
        List<Long> seeds,
        Match match,
        int parallel,
        SlurmOptions slurm) {
    public AblationSpec {
        StudyNames.problem(name).ifPresent(problem -> {
            throw new ConfigException("name", name, problem);
        });
        if (ablations == null || ablations.isEmpty())
            throw new ConfigException("axes", null, "a study needs at least one ablation");
        ablations = List.copyOf(ablations);
        if (seeds != null && seeds.isEmpty()) {
            throw new ConfigException("seeds", seeds, "needs at least one seed (omit it for seed 1)");
        }
        seeds = seeds == null ? List.of(1L) : List.copyOf(seeds);
        if (seeds.stream().distinct().count() != seeds.size())
            throw new ConfigException("seeds", seeds, "seeds must be distinct");
        if (match == null) match = Match.TOKENS;
        if (parallel < 1)
            throw new ConfigException(
                    "parallel", parallel, "must be at least 1 (runs trained at once on this machine)");
        if (slurm == null) slurm = SlurmOptions.NONE;
    }
}

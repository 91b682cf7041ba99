package ablation.engine.train;

import ablation.core.config.RunConfig;
import ablation.engine.data.BatchStream;
import java.nio.file.Path;

/**
 * What one training run needs.
 *
 * @param vocabSize the tokenizer's vocabulary size (the model's embedding and head rows)
 * @param stream micro-batches of {@code train.micro_batch} rows; the trainer saves and restores its position
 * @param runDir where {@code checkpoints/} go; a run directory with checkpoints resumes from the newest
 * @param tokenizerJson copied into every checkpoint so that export and evaluation find it; may be null
 */
public record TrainingJob(RunConfig config, int vocabSize, BatchStream stream, Path runDir, Path tokenizerJson) {}

package ablation.storage.study;

import java.time.Instant;

/**
 * A study: a named set of runs (one ablation spec expanded over its axes and seeds).
 *
 * @param specJson the study's spec as JSON text, or null when the runs were added one by one
 */
public record Study(long id, String name, String specJson, Instant createdAt) {}

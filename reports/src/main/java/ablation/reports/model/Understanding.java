package ablation.reports.model;

/**
 * A run's understanding test: the share of minimal pairs (a held-out function's body against a
 * broken mutant) where the model found the correct body likelier, 0.5 being chance, with its 95%
 * bootstrap interval over pairs.
 */
public record Understanding(double accuracy, double low, double high) {}

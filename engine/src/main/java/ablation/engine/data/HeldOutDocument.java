package ablation.engine.data;

/** A document kept out of training, for measuring bits per byte on unseen text of a source. */
public record HeldOutDocument(String source, String text) {}

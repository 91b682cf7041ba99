package ablation.engine.data;

/**
 * One training document as read from a source, before tokenization.
 *
 * @param language from the file extension ({@code python}, {@code markdown}, ...), {@code text} when unknown
 */
public record Document(String language, String text) {}

package ablation.engine.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The language of a file, from its extension. */
public final class Languages {
    public static final String UNKNOWN = "text";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("py", "python"),
            Map.entry("pyi", "python"),
            Map.entry("java", "java"),
            Map.entry("js", "javascript"),
            Map.entry("mjs", "javascript"),
            Map.entry("jsx", "javascript"),
            Map.entry("ts", "typescript"),
            Map.entry("tsx", "typescript"),
            Map.entry("go", "go"),
            Map.entry("rs", "rust"),
            Map.entry("c", "c"),
            Map.entry("h", "c"),
            Map.entry("cc", "cpp"),
            Map.entry("cpp", "cpp"),
            Map.entry("cxx", "cpp"),
            Map.entry("hpp", "cpp"),
            Map.entry("cs", "csharp"),
            Map.entry("rb", "ruby"),
            Map.entry("php", "php"),
            Map.entry("scala", "scala"),
            Map.entry("kt", "kotlin"),
            Map.entry("swift", "swift"),
            Map.entry("sh", "shell"),
            Map.entry("bash", "shell"),
            Map.entry("sql", "sql"),
            Map.entry("r", "r"),
            Map.entry("jl", "julia"),
            Map.entry("lua", "lua"),
            Map.entry("hs", "haskell"),
            Map.entry("md", "markdown"),
            Map.entry("rst", "text"),
            Map.entry("txt", "text"),
            Map.entry("tex", "tex"),
            Map.entry("html", "html"),
            Map.entry("css", "css"),
            Map.entry("json", "json"),
            Map.entry("yaml", "yaml"),
            Map.entry("yml", "yaml"),
            Map.entry("toml", "toml"),
            Map.entry("xml", "xml"));

    private Languages() {}

    /** The language of {@code file}, {@link #UNKNOWN} when the extension names none. */
    public static String of(Path file) {
        String language = known(file);
        return language == null ? UNKNOWN : language;
    }

    /** The language of {@code file}, or null when the extension is not one of code or text. */
    public static String known(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}

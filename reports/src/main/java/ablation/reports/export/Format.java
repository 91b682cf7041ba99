package ablation.reports.export;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The report's output formats and the files they write. */
public enum Format {
    HTML("html", "report.html"),
    MD("md", "report.md"),
    PDF("pdf", "report.pdf");

    private final String id;
    private final String fileName;

    Format(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    /** "html,md,pdf" (any subset, any order; "markdown" is accepted for md). */
    public static Set<Format> parse(String list) {
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String part : list.split(",")) {
            String id = part.trim().toLowerCase(Locale.ROOT);
            if (id.equals("markdown")) id = "md";
            Format found = null;
            for (Format f : values()) if (f.id.equals(id)) found = f;
            if (found == null)
                throw new IllegalArgumentException("unknown report format '" + part.trim() + "': use html, md or pdf");
            formats.add(found);
        }
        return formats;
    }
}

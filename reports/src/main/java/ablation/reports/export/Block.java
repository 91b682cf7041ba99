package ablation.reports.export;

import java.util.List;
import org.jfree.chart.JFreeChart;

/** One piece of a report section; the exporters lay out each kind in their format. */
public sealed interface Block {
    record Paragraph(String text) implements Block {}

    /** A boxed statement, e.g. a verdict or a warning about runs that did not finish. */
    record Highlight(String label, String text, Tone tone) implements Block {}

    /** A table of text cells; every row has as many cells as the header. */
    record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size())
                    throw new IllegalArgumentException(
                            "table " + caption + ": row " + row + " does not match header " + header);
            }
        }
    }

    /** A chart; {@code id} names its file (Markdown) and prefixes its SVG ids (HTML). */
    record Figure(String id, String caption, JFreeChart chart) implements Block {}

    /** Preformatted text such as a run's config. The PDF leaves these to the HTML and Markdown reports. */
    record Code(String title, String text) implements Block {}

    enum Tone {
        POSITIVE,
        NEGATIVE,
        NEUTRAL,
        WARNING
    }
}

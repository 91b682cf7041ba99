package ablation.reports.export;

import ablation.reports.export.Block.Code;
import ablation.reports.export.Block.Figure;
import ablation.reports.export.Block.Highlight;
import ablation.reports.export.Block.Paragraph;
import ablation.reports.export.Block.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Markdown (GitHub flavour) with each chart as a PNG in {@code charts/} beside it. */
final class MarkdownExporter {
    static final String CHART_DIR = "charts";

    private MarkdownExporter() {}

    /**
     * Writes {@code file} and its charts; returns every file written, the Markdown first.
     *
     * @param png each figure as PNG bytes
     */
    static List<Path> write(ReportContent report, Path file, Function<Figure, byte[]> png) throws IOException {
        Path charts = file.resolveSibling(CHART_DIR);
        List<Path> written = new java.util.ArrayList<>();
        written.add(file);
        StringBuilder md = new StringBuilder();
        md.append("# ")
                .append(report.title())
                .append("\n\n_")
                .append(report.subtitle())
                .append("_\n\n");
        for (Section section : report.sections()) {
            md.append("#".repeat(section.level()))
                    .append(' ')
                    .append(section.heading())
                    .append("\n\n");
            for (Block block : section.blocks()) {
                if (block instanceof Figure f) {
                    Files.createDirectories(charts);
                    Path image = charts.resolve(f.id() + ".png");
                    Files.write(image, png.apply(f));
                    written.add(image);
                    md.append("![")
                            .append(f.caption())
                            .append("](")
                            .append(CHART_DIR)
                            .append('/')
                            .append(f.id())
                            .append(".png)\n\n")
                            .append('_')
                            .append(f.caption())
                            .append("_\n\n");
                } else {
                    md.append(text(block));
                }
            }
        }
        Files.writeString(file, md.toString());
        return written;
    }

    private static String text(Block block) {
        if (block instanceof Paragraph p) return p.text() + "\n\n";
        if (block instanceof Highlight h) return "> **" + h.label() + ":** " + h.text() + "\n\n";
        if (block instanceof Code c)
            return "<details><summary>" + c.title() + "</summary>\n\n```\n"
                    + c.text().strip() + "\n```\n\n</details>\n\n";
        Table t = (Table) block;
        StringBuilder md = new StringBuilder("**").append(t.caption()).append("**\n\n");
        row(md, t.header());
        md.append('|').append("---|".repeat(t.header().size())).append('\n');
        t.rows().forEach(r -> row(md, r));
        return md.append('\n').toString();
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String cell : cells)
            md.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
        md.append('\n');
    }
}

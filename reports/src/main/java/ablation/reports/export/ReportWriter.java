package ablation.reports.export;

import ablation.reports.charts.ChartImages;
import ablation.reports.model.StudyResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a study's lesson report in the chosen formats into one directory: {@code report.html}
 * (self-contained), {@code report.md} with {@code charts/*.png}, {@code report.pdf}. The entry
 * point for {@code workbench report} and the study runner. Charts render headless
 * ({@code -Djava.awt.headless=true} where there is no display).
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** @return every file written: the reports, and the Markdown report's chart images after it */
    public static List<Path> write(StudyResults study, Path outDir, Set<Format> formats) {
        if (formats.isEmpty()) throw new IllegalArgumentException("choose at least one report format: html, md or pdf");
        ReportContent report = ReportBuilder.build(study);
        Map<Block.Figure, byte[]> pngs = new IdentityHashMap<>();
        Function<Block.Figure, byte[]> png = f -> pngs.computeIfAbsent(f, figure -> ChartImages.png(figure.chart()));
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            if (formats.contains(Format.HTML)) {
                Path html = outDir.resolve(Format.HTML.fileName());
                Files.writeString(html, HtmlExporter.render(report));
                written.add(html);
            }
            if (formats.contains(Format.PDF)) {
                Path pdf = outDir.resolve(Format.PDF.fileName());
                PdfExporter.write(report, pdf, png);
                written.add(pdf);
            }
            if (formats.contains(Format.MD)) {
                written.addAll(MarkdownExporter.write(report, outDir.resolve(Format.MD.fileName()), png));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the report of study " + study.name() + " to " + outDir + ": " + e.getMessage(), e);
        }
        return written;
    }
}

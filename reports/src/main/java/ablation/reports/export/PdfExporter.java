package ablation.reports.export;

import ablation.reports.export.Block.Code;
import ablation.reports.export.Block.Figure;
import ablation.reports.export.Block.Highlight;
import ablation.reports.export.Block.Paragraph;
import ablation.reports.export.Block.Table;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;

/**
 * A PDF for the group meeting: the summary first, then each lesson on its own page (text, tables,
 * chart images), then the runs. Full configs stay in the HTML and Markdown reports.
 */
final class PdfExporter {
    private PdfExporter() {}

    /** @param png each figure as PNG bytes (shared with the Markdown export, so each chart renders once) */
    static void write(ReportContent report, Path file, Function<Figure, byte[]> png) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            try (PdfLayout pdf = new PdfLayout(doc)) {
                pdf.newPage();
                pdf.text(report.title(), PdfLayout.BOLD, 20, Color.BLACK, 0);
                pdf.text(report.subtitle(), PdfLayout.ITALIC, 10, Color.DARK_GRAY, 0);
                pdf.space(10);
                for (Section section : report.sections()) {
                    if (section.newPage()) pdf.freshPage();
                    else pdf.space(section.level() == 2 ? 14 : 8);
                    pdf.text(section.heading(), PdfLayout.BOLD, section.level() == 2 ? 15 : 11.5f, Color.BLACK, 0);
                    pdf.space(4);
                    for (Block block : section.blocks()) block(pdf, block, png);
                }
            }
            footers(doc, report.title());
            try (OutputStream out =
                    Files.newOutputStream(file)) { // replaces an earlier report (PDFBox warns when saving over a File)
                doc.save(out);
            }
        }
    }

    private static void block(PdfLayout pdf, Block block, Function<Figure, byte[]> png) throws IOException {
        if (block instanceof Paragraph p) {
            pdf.text(p.text(), PdfLayout.REGULAR, 9.5f, Color.BLACK, 0);
            pdf.space(5);
        } else if (block instanceof Highlight h) {
            pdf.box(h.label(), h.text(), colour(h.tone()));
        } else if (block instanceof Table t) {
            pdf.table(t.caption(), t.header(), t.rows());
        } else if (block instanceof Figure f) {
            pdf.image(png.apply(f), f.id());
            pdf.text(f.caption(), PdfLayout.ITALIC, 8.5f, Color.DARK_GRAY, 0);
            pdf.space(8);
        } else if (block instanceof Code c) {
            pdf.text(
                    "The " + c.title() + " is in the HTML and Markdown reports.",
                    PdfLayout.ITALIC,
                    8.5f,
                    Color.DARK_GRAY,
                    0);
            pdf.space(4);
        }
    }

    private static Color colour(Block.Tone tone) {
        return switch (tone) {
            case POSITIVE -> new Color(0x1B7F3B);
            case NEGATIVE -> new Color(0xB3261E);
            case NEUTRAL -> new Color(0x777777);
            case WARNING -> new Color(0xD48A00);
        };
    }

    /** "title - page i of n" at the foot of every page. */
    private static void footers(PDDocument doc, String title) throws IOException {
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
                s.beginText();
                s.setFont(PdfLayout.REGULAR, 7.5f);
                s.setNonStrokingColor(Color.GRAY);
                s.newLineAtOffset(50, 25);
                s.showText(title.replaceAll("[^\\x20-\\x7E]", "?") + " - page " + (i + 1) + " of " + pages);
                s.endText();
            }
        }
    }
}

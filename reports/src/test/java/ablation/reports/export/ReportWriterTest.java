package ablation.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.config.EvalMode;
import ablation.core.stats.ProblemCount;
import ablation.reports.StudyFixture;
import ablation.reports.export.Block.Figure;
import ablation.reports.export.Block.Highlight;
import ablation.reports.export.Block.Table;
import ablation.reports.model.Evaluation;
import ablation.reports.model.Lesson;
import ablation.reports.model.RunResult;
import ablation.reports.model.StudyResults;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report of the fixture study (two seeds per arm, an infill arm that failed and went missing),
 * written in all three formats to {@code target/report-preview/} where it can be opened.
 */
class ReportWriterTest {
    private static final Path OUT = Path.of("target", "report-preview");
    private static StudyResults study;
    private static ReportContent content;
    private static List<Path> written;

    @BeforeAll
    static void writeAllFormats() {
        study = StudyFixture.study();
        content = ReportBuilder.build(study);
        written = ReportWriter.write(study, OUT, Set.of(Format.HTML, Format.MD, Format.PDF));
        System.out.println("report preview: " + OUT.toAbsolutePath());
    }

    @Test
    void everyLessonHasItsSectionVerdictAndCharts() {
        for (Lesson lesson : Lesson.values()) {
            String heading = "Lesson " + lesson.number() + ": " + lesson.title();
            Section section = content.sections().stream()
                    .filter(s -> s.heading().equals(heading))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(heading));
            assertTrue(
                    section.blocks().stream()
                            .anyMatch(b -> b instanceof Highlight h && h.label().startsWith("Verdict: ")),
                    heading);
            List<String> figures = section.blocks().stream()
                    .filter(b -> b instanceof Figure)
                    .map(b -> ((Figure) b).id())
                    .toList();
            String p = "lesson" + lesson.number();
            assertTrue(figures.containsAll(List.of(p + "-loss", p + "-passk")), heading + " " + figures);
        }
        List<String> ids = content.blocks(Figure.class).stream().map(Figure::id).toList();
        assertTrue(
                ids.containsAll(
                        List.of("lesson2-frontier", "lesson3-infill-passk", "lesson4-mixture", "lesson5-epochs")),
                ids.toString());
    }

    @Test
    void passAtKTablesEqualAggregatesRecomputedFromRawCounts() {
        int checked = 0;
        for (Table table : content.blocks(Table.class)) {
            Matcher m = Pattern.compile("pass@k on (\\S+) \\((L2R|infill)\\), seed mean with its 95% interval.*")
                    .matcher(table.caption());
            if (!m.matches()) continue;
            String benchmark = m.group(1);
            EvalMode mode = m.group(2).equals("L2R") ? EvalMode.L2R : EvalMode.INFILL;
            Section section = content.sections().stream()
                    .filter(s -> s.blocks().contains(table))
                    .findFirst()
                    .orElseThrow();
            Lesson lesson = Lesson.of(Integer.parseInt(section.id().substring("lesson".length())));
            var design = study.lessons().stream()
                    .filter(d -> d.lesson() == lesson)
                    .findFirst()
                    .orElseThrow();
            for (List<String> row : table.rows()) {
                var arm = design.arms().stream()
                        .filter(a -> a.label().equals(row.get(0)))
                        .findFirst()
                        .orElseThrow();
                List<Evaluation> seeds = study.runs(arm).stream()
                        .filter(RunResult::finished)
                        .map(r -> r.metrics().evaluation(benchmark, mode))
                        .toList();
                for (int col = 2; col < row.size(); col++) {
                    int k = Integer.parseInt(table.header().get(col).substring("pass@".length()));
                    String expected = String.format(java.util.Locale.ROOT, "%.3f", exactPooledMean(seeds, k));
                    assertEquals(expected, row.get(col).split(" ")[0], lesson + " " + row.get(0) + " pass@" + k);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 5 * 2 * 3, "checked " + checked + " cells");
    }

    /** Mean over seeds and problems of 1 - C(n-c, k)/C(n, k), in exact arithmetic. */
    private static double exactPooledMean(List<Evaluation> seeds, int k) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (Evaluation e : seeds) {
            for (ProblemCount p : e.problems()) {
                BigDecimal fail = new BigDecimal(binomial(p.n() - p.correct(), k))
                        .divide(new BigDecimal(binomial(p.n(), k)), MathContext.DECIMAL128);
                sum = sum.add(BigDecimal.ONE.subtract(fail));
                count++;
            }
        }
        return sum.divide(BigDecimal.valueOf(count), 12, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static BigInteger binomial(int n, int k) {
        if (k > n) return BigInteger.ZERO;
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return r;
    }

    @Test
    void failedAndMissingRunsAreNamedAndTheRestIsShown() {
        Highlight summary = content.sections().get(0).blocks().stream()
                .filter(b -> b instanceof Highlight)
                .map(b -> (Highlight) b)
                .findFirst()
                .orElseThrow();
        assertTrue(summary.text().contains("fim=0.9,seed=1 (failed: out of memory at step 120)"), summary.text());
        assertTrue(summary.text().contains("fim=0.9,seed=2 (missing: never started)"), summary.text());
        Section lesson2 = content.sections().stream()
                .filter(s -> s.id().equals("lesson2"))
                .findFirst()
                .orElseThrow();
        assertTrue(lesson2.blocks().stream()
                .anyMatch(b -> b instanceof Highlight h
                        && h.label().equals("Arm fim=0.9")
                        && h.text().startsWith("no run finished")));
        Figure frontier = content.blocks(Figure.class).stream()
                .filter(f -> f.id().equals("lesson2-frontier"))
                .findFirst()
                .orElseThrow();
        XYDataset loss = content.blocks(Figure.class).stream()
                .filter(f -> f.id().equals("lesson2-loss"))
                .findFirst()
                .orElseThrow()
                .chart()
                .getXYPlot()
                .getDataset();
        assertEquals(
                "fim=0.9,seed=1, failed (1 seed)",
                loss.getSeriesKey(2),
                "the failed run's loss up to where it stopped");
        assertEquals(6, loss.getItemCount(2));
        XYDataset points = frontier.chart().getXYPlot().getDataset();
        assertEquals(2, points.getItemCount(0), "the frontier shows the two arms that finished");
        Table passTable = lesson2.blocks().stream()
                .filter(b -> b instanceof Table t && t.caption().startsWith("pass@k on desk-l2r"))
                .map(b -> (Table) b)
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("fim=0", "fim=0.5"),
                passTable.rows().stream().map(r -> r.get(0)).toList());
    }

    @Test
    void theSameResultsGiveTheSameReport() {
        assertEquals(HtmlExporter.render(ReportBuilder.build(StudyFixture.study())), HtmlExporter.render(content));
    }

    @Test
    void formatsParseFromTheCommandLineList() {
        assertEquals(Set.of(Format.HTML, Format.PDF), Format.parse("pdf, html"));
        assertEquals(Set.of(Format.MD), Format.parse("markdown"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Format.parse("html,docx"));
        assertEquals("unknown report format 'docx': use html, md or pdf", e.getMessage());
    }

    @Test
    void htmlIsSelfContained() throws Exception {
        String html = Files.readString(OUT.resolve("report.html"));
        assertFalse(
                Pattern.compile("(src|href)\\s*=\\s*\"(?!#)", Pattern.CASE_INSENSITIVE)
                        .matcher(html)
                        .find(),
                "links outside the page");
        assertFalse(html.contains("url(http"), "external resources in styles");
        assertEquals(
                content.blocks(Figure.class).size(), html.split("<svg", -1).length - 1, "one inline SVG per chart");
        for (Lesson lesson : Lesson.values())
            assertTrue(html.contains("Lesson " + lesson.number() + ": " + lesson.title()), lesson.title());
        assertTrue(html.contains("about -1 point HumanEval pass@1 at 1B"), "the paper's figure beside ours");
    }

    @Test
    void markdownHasAPngBesideItPerChart() throws Exception {
        String md = Files.readString(OUT.resolve("report.md"));
        for (Figure f : content.blocks(Figure.class)) {
            Path png = OUT.resolve("charts").resolve(f.id() + ".png");
            assertTrue(Files.size(png) > 1000, png.toString());
            assertTrue(md.contains("(charts/" + f.id() + ".png)"), f.id());
            assertTrue(written.contains(png));
        }
        assertTrue(md.contains("| fim=0.5 |"), "tables in Markdown");
    }

    @Test
    void pdfParsesBackWithAPagePerLesson() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(OUT.resolve("report.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(pdf));
            }
            assertTrue(pages.get(0).startsWith("Lesson report: fixture-study"), pages.get(0));
            assertTrue(pages.get(0).contains("Verdicts") && pages.get(0).contains("fim=0.9,seed=1"), pages.get(0));
            int previous = 0;
            for (Lesson lesson : Lesson.values()) {
                String heading = "Lesson " + lesson.number() + ": " + lesson.title();
                int page = indexOfPageStartingWith(pages, heading);
                assertTrue(
                        page > previous,
                        heading + " starts its own page after the previous lesson (page " + page + ")");
                assertTrue(pages.get(page).contains("Verdict: "), heading);
                previous = page;
            }
            assertTrue(pages.get(pages.size() - 1).contains("page " + pages.size() + " of " + pages.size()));
            assertTrue(indexOfPageStartingWith(pages, "Runs") > previous);
        }
    }

    private static int indexOfPageStartingWith(List<String> pages, String heading) {
        for (int i = 0; i < pages.size(); i++)
            if (pages.get(i).replaceAll("\\s+", " ").startsWith(heading)) return i;
        throw new AssertionError("no page starts with " + heading);
    }
}

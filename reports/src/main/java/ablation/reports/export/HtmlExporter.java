package ablation.reports.export;

import ablation.reports.charts.ChartImages;
import ablation.reports.export.Block.Code;
import ablation.reports.export.Block.Figure;
import ablation.reports.export.Block.Highlight;
import ablation.reports.export.Block.Paragraph;
import ablation.reports.export.Block.Table;

/**
 * One self-contained HTML file: styles inline, charts as inline SVG, configs in collapsible
 * blocks. It references nothing outside itself, so it can be mailed or archived alone.
 */
final class HtmlExporter {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
            h1{margin-bottom:.2rem}.subtitle{color:#555;margin-top:0}
            h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}h3{margin-top:1.8rem}
            table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
            th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
            .box{border-left:6px solid;padding:.5rem .8rem;margin:.8rem 0;background:#fafafa}
            .positive{border-color:#1b7f3b}.negative{border-color:#b3261e}.neutral{border-color:#777}.warning{border-color:#d48a00;background:#fff8e6}
            figure{margin:1rem 0}figcaption{color:#555;font-size:.9rem}svg{max-width:100%;height:auto}
            pre{background:#f6f6f6;padding:.6rem;overflow-x:auto;font-size:.8rem}nav a{margin-right:1rem}
            """;

    private HtmlExporter() {}

    static String render(ReportContent report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(report.title()))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>")
                .append(escape(report.title()))
                .append("</h1>\n<p class=\"subtitle\">")
                .append(escape(report.subtitle()))
                .append("</p>\n<nav>");
        for (Section s : report.sections()) {
            if (s.level() == 2)
                html.append("<a href=\"#")
                        .append(s.id())
                        .append("\">")
                        .append(escape(s.heading()))
                        .append("</a>");
        }
        html.append("</nav>\n");
        for (Section section : report.sections()) {
            html.append("<section id=\"")
                    .append(section.id())
                    .append("\">\n<h")
                    .append(section.level())
                    .append('>')
                    .append(escape(section.heading()))
                    .append("</h")
                    .append(section.level())
                    .append(">\n");
            for (Block block : section.blocks()) block(html, block);
            html.append("</section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void block(StringBuilder html, Block block) {
        if (block instanceof Paragraph p) {
            html.append("<p>").append(escape(p.text())).append("</p>\n");
        } else if (block instanceof Highlight h) {
            html.append("<div class=\"box ")
                    .append(h.tone().name().toLowerCase(java.util.Locale.ROOT))
                    .append("\"><strong>")
                    .append(escape(h.label()))
                    .append(":</strong> ")
                    .append(escape(h.text()))
                    .append("</div>\n");
        } else if (block instanceof Table t) {
            html.append("<table>\n<caption>").append(escape(t.caption())).append("</caption>\n<tr>");
            t.header().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
            html.append("</tr>\n");
            for (var row : t.rows()) {
                html.append("<tr>");
                row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        } else if (block instanceof Figure f) {
            html.append("<figure id=\"")
                    .append(f.id())
                    .append("\">\n")
                    .append(ChartImages.svg(f.chart(), f.id()))
                    .append("\n<figcaption>")
                    .append(escape(f.caption()))
                    .append("</figcaption>\n</figure>\n");
        } else if (block instanceof Code c) {
            html.append("<details><summary>")
                    .append(escape(c.title()))
                    .append("</summary>\n<pre>")
                    .append(escape(c.text()))
                    .append("</pre></details>\n");
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

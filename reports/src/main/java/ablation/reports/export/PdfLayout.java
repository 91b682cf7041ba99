package ablation.reports.export;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A top-to-bottom writer of A4 pages: wrapped text, boxes, tables and images, starting a new page
 * when the next item does not fit. Uses the standard Helvetica fonts (no font files needed), so
 * text is limited to their WinAnsi characters; others are replaced by look-alikes or '?'.
 */
final class PdfLayout implements AutoCloseable {
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final PDType1Font ITALIC = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private static final float MARGIN = 50;
    private static final float CELL_PAD = 3;
    private static final Map<Character, String> LOOK_ALIKES =
            Map.of('\u2212', "-", '\u2264', "<=", '\u2265', ">=", '\u2248', "~", '\u2192', "->", '\u00a0', " ");

    private final PDDocument doc;
    private final Map<Character, Boolean> encodable = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    PdfLayout(PDDocument doc) {
        this.doc = doc;
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void newPage() throws IOException {
        if (stream != null) stream.close();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Starts a page unless this one is still empty. */
    void freshPage() throws IOException {
        if (stream == null || y < PDRectangle.A4.getHeight() - MARGIN) newPage();
    }

    void space(float points) {
        y -= points;
    }

    /** Wrapped text; {@code indent} from the left margin. */
    void text(String text, PDType1Font font, float size, Color colour, float indent) throws IOException {
        float leading = size * 1.3f;
        for (String line : wrap(text, font, size, width() - indent)) {
            ensure(leading);
            y -= leading;
            show(line, font, size, colour, MARGIN + indent, y + size * 0.25f);
        }
    }

    /** A bold label over wrapped text, with a coloured bar on the left, kept on one page. */
    void box(String label, String text, Color bar) throws IOException {
        float size = 9.5f;
        float leading = size * 1.3f;
        List<String> labelLines = wrap(label, BOLD, size, width() - 14);
        List<String> lines = wrap(text, REGULAR, size, width() - 14);
        float height = (labelLines.size() + lines.size()) * leading + 8;
        ensure(height + 4);
        stream.setNonStrokingColor(new Color(0xF6F6F6));
        stream.addRect(MARGIN, y - height, width(), height);
        stream.fill();
        stream.setNonStrokingColor(bar);
        stream.addRect(MARGIN, y - height, 4, height);
        stream.fill();
        float top = y - 4;
        for (String line : labelLines) {
            top -= leading;
            show(line, BOLD, size, Color.BLACK, MARGIN + 10, top + size * 0.25f);
        }
        for (String line : lines) {
            top -= leading;
            show(line, REGULAR, size, Color.BLACK, MARGIN + 10, top + size * 0.25f);
        }
        y -= height + 6;
    }

    /** A table with wrapped cells; the header repeats on each new page. */
    void table(String caption, List<String> header, List<List<String>> rows) throws IOException {
        float size = 7.5f;
        float leading = size * 1.25f;
        float[] widths = columnWidths(header, rows, size);
        text(caption, BOLD, 8.5f, Color.BLACK, 0);
        space(2);
        drawRow(header, widths, BOLD, size, leading, new Color(0xEEEEEE));
        for (List<String> row : rows) {
            if (rowHeight(row, widths, REGULAR, size, leading) > y - MARGIN) {
                newPage();
                drawRow(header, widths, BOLD, size, leading, new Color(0xEEEEEE));
            }
            drawRow(row, widths, REGULAR, size, leading, null);
        }
        space(8);
    }

    /** A PNG scaled to the text width, on a new page if it does not fit on this one. */
    void image(byte[] png, String name) throws IOException {
        PDImageXObject xobject = PDImageXObject.createFromByteArray(doc, png, name);
        float w = width();
        float h = w * xobject.getHeight() / xobject.getWidth();
        ensure(h);
        y -= h;
        stream.drawImage(xobject, MARGIN, y, w, h);
        space(4);
    }

    /** Characters the standard fonts cannot show become look-alikes or '?'. */
    String safe(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\t' || c == '\n' || c == '\r') out.append(' ');
            else if (canEncode(c)) out.append(c);
            else out.append(LOOK_ALIKES.getOrDefault(c, "?"));
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        if (stream != null) stream.close();
        stream = null;
    }

    private void ensure(float height) throws IOException {
        if (stream == null || y - height < MARGIN) newPage();
    }

    private void show(String line, PDType1Font font, float size, Color colour, float x, float baseline)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.setNonStrokingColor(colour);
        stream.newLineAtOffset(x, baseline);
        stream.showText(line);
        stream.endText();
    }

    private void drawRow(List<String> cells, float[] widths, PDType1Font font, float size, float leading, Color fill)
            throws IOException {
        float height = rowHeight(cells, widths, font, size, leading);
        ensure(height);
        if (fill != null) {
            stream.setNonStrokingColor(fill);
            stream.addRect(MARGIN, y - height, sum(widths), height);
            stream.fill();
        }
        float x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            float top = y - CELL_PAD;
            for (String line : wrap(cells.get(c), font, size, widths[c] - 2 * CELL_PAD)) {
                top -= leading;
                show(line, font, size, Color.BLACK, x + CELL_PAD, top + size * 0.25f);
            }
            x += widths[c];
        }
        stream.setStrokingColor(new Color(0xBBBBBB));
        stream.setLineWidth(0.4f);
        stream.moveTo(MARGIN, y - height);
        stream.lineTo(MARGIN + sum(widths), y - height);
        stream.stroke();
        y -= height;
    }

    private float rowHeight(List<String> cells, float[] widths, PDType1Font font, float size, float leading)
            throws IOException {
        int lines = 1;
        for (int c = 0; c < cells.size(); c++)
            lines = Math.max(
                    lines,
                    wrap(cells.get(c), font, size, widths[c] - 2 * CELL_PAD).size());
        return lines * leading + 2 * CELL_PAD;
    }

    /**
     * Each column gets its natural width if all fit; otherwise columns narrower than an equal share
     * keep theirs and the rest split the remaining width in proportion to their natural widths.
     */
    private float[] columnWidths(List<String> header, List<List<String>> rows, float size) throws IOException {
        int n = header.size();
        float[] natural = new float[n];
        for (int c = 0; c < n; c++) {
            natural[c] = width(header.get(c), BOLD, size);
            for (List<String> row : rows) natural[c] = Math.max(natural[c], width(row.get(c), REGULAR, size));
            natural[c] += 2 * CELL_PAD + 1;
        }
        if (sum(natural) <= width()) return natural;
        float share = width() / n;
        float fixed = 0;
        float wide = 0;
        for (float w : natural) {
            if (w <= share) fixed += w;
            else wide += w;
        }
        float[] widths = new float[n];
        for (int c = 0; c < n; c++)
            widths[c] = natural[c] <= share ? natural[c] : (width() - fixed) * natural[c] / wide;
        return widths;
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. */
    private List<String> wrap(String text, PDType1Font font, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r", "").split("\n", -1)) {
            paragraph = safe(paragraph);
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, font, size) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) lines.add(line.toString());
                line.setLength(0);
                for (char ch : word.toCharArray()) {
                    if (line.length() > 0 && width(line.toString() + ch, font, size) > max) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(ch);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(safe(text)) / 1000 * size;
    }

    private boolean canEncode(char c) {
        return encodable.computeIfAbsent(c, ch -> {
            try {
                REGULAR.encode(String.valueOf(ch));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) s += v;
        return s;
    }
}

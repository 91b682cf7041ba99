package ablation.reports.export;

import java.util.List;

/**
 * A titled part of the report.
 *
 * @param id anchor name in HTML
 * @param level 2 for the top-level parts (summary, each lesson, runs), 3 inside them
 * @param newPage start a new PDF page here
 */
public record Section(String id, String heading, int level, boolean newPage, List<Block> blocks) {
    public Section {
        blocks = List.copyOf(blocks);
    }
}

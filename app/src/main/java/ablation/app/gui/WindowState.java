package ablation.app.gui;

import java.util.ArrayList;
import java.util.List;

/**
 * What the window remembers between sessions: where it was, which view and study were open, and
 * the study files the user opened (they join the studies list).
 *
 * @param x left edge on screen, NaN to let the system place the window
 * @param lastView {@link Section#cliName()} of the view last shown
 * @param lastStudy path of the study file last open in the composer, or null
 * @param openedStudies study files opened or saved by the user, most recent first
 */
public record WindowState(
        double x,
        double y,
        double width,
        double height,
        boolean maximized,
        String lastView,
        String lastStudy,
        List<String> openedStudies) {
    private static final int MAX_REMEMBERED = 20;

    public static final WindowState INITIAL =
            new WindowState(Double.NaN, Double.NaN, 1280, 800, false, Section.STUDIES.cliName(), null, List.of());

    public WindowState {
        if (!(width >= 400)) width = 1280;
        if (!(height >= 300)) height = 800;
        openedStudies = openedStudies == null ? List.of() : List.copyOf(openedStudies);
    }

    public WindowState withBounds(double x, double y, double width, double height, boolean maximized) {
        return new WindowState(x, y, width, height, maximized, lastView, lastStudy, openedStudies);
    }

    public WindowState withView(Section view) {
        return new WindowState(x, y, width, height, maximized, view.cliName(), lastStudy, openedStudies);
    }

    /** Records {@code study} as the last study and puts it first among the opened ones. */
    public WindowState withStudy(String study) {
        List<String> opened = new ArrayList<>(openedStudies);
        opened.remove(study);
        opened.add(0, study);
        return new WindowState(
                x,
                y,
                width,
                height,
                maximized,
                lastView,
                study,
                opened.subList(0, Math.min(opened.size(), MAX_REMEMBERED)));
    }
}

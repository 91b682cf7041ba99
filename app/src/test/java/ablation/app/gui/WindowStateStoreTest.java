package ablation.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void remembersBoundsViewAndStudies() {
        WindowStateStore store = new WindowStateStore(dir.resolve("sub/gui.json"));
        assertEquals(WindowState.INITIAL, store.load(), "no file: the initial state");
        WindowState state = WindowState.INITIAL
                .withBounds(10, 20, 1000, 700, false)
                .withView(Section.COMPOSER)
                .withStudy("/a.yaml")
                .withStudy("/b.yaml")
                .withStudy("/a.yaml");
        store.save(state);
        WindowState loaded = store.load();
        assertEquals(state, loaded);
        assertEquals(List.of("/a.yaml", "/b.yaml"), loaded.openedStudies(), "most recent first, no duplicates");
        assertEquals("composer", loaded.lastView());
    }

    @Test
    void unplacedWindowAndUnreadableFilesFallBack() throws Exception {
        WindowStateStore store = new WindowStateStore(dir.resolve("gui.json"));
        store.save(WindowState.INITIAL);
        assertTrue(Double.isNaN(store.load().x()), "an unplaced window stays unplaced");
        Files.writeString(dir.resolve("gui.json"), "{not json");
        assertEquals(WindowState.INITIAL, store.load());
    }
}

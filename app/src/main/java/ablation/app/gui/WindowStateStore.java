package ablation.app.gui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link WindowState} in a small JSON file ({@code ~/.workbench/gui.json}). A missing or
 * unreadable file gives the initial state: losing the window position is never an error.
 */
public final class WindowStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(WindowStateStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public WindowStateStore(Path file) {
        this.file = file;
    }

    /** The default location, {@code ~/.workbench/gui.json}. */
    public static WindowStateStore inHome() {
        return new WindowStateStore(Path.of(System.getProperty("user.home"), ".workbench", "gui.json"));
    }

    public WindowState load() {
        if (!Files.isRegularFile(file)) return WindowState.INITIAL;
        try {
            return JSON.readValue(file.toFile(), WindowState.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable window state {}: {}", file, e.getMessage());
            return WindowState.INITIAL;
        }
    }

    /** Writes through a temporary file, so a crash mid-write leaves the old state. */
    public void save(WindowState state) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), state);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot save window state to {}: {}", file, e.getMessage());
        }
    }
}

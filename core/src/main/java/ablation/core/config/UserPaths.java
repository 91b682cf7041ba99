package ablation.core.config;

import java.nio.file.Path;

/** Paths as users write them in configs: a leading {@code ~} is their home directory. */
public final class UserPaths {
    private UserPaths() {}

    public static Path expand(String path) {
        if (path.equals("~") || path.startsWith("~/"))
            return Path.of(System.getProperty("user.home") + path.substring(1));
        return Path.of(path);
    }
}

package ablation.engine.data;

import ablation.core.WorkbenchException;
import ablation.core.config.SourceConfig;
import ablation.core.config.SourceKind;
import ablation.core.config.UserPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * The files of a {@code files} or {@code jsonl} source. {@code path} is a file, a directory
 * (searched recursively, hidden entries skipped) or a glob ({@code *}, {@code ?}, {@code [..]},
 * {@code {a,b}}); {@code ~} is the home directory. From a directory a {@code files} source takes the
 * files whose extension names a language ({@link Languages}), a {@code jsonl} source the files
 * ending in {@code .jsonl}, {@code .ndjson} or either with {@code .gz}; a glob takes what it matches.
 */
final class SourceFiles {
    private SourceFiles() {}

    /** The source's files, sorted by path; a {@link WorkbenchException} when there are none. */
    static List<Path> list(SourceConfig source) {
        String where = "source " + source.name() + ": ";
        String pattern = source.path();
        List<Path> files;
        try {
            if (pattern.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
                files = glob(
                        UserPaths.expand(pattern).toAbsolutePath().normalize().toString());
            } else {
                Path path = UserPaths.expand(pattern);
                if (Files.isRegularFile(path)) {
                    files = List.of(path);
                } else if (Files.isDirectory(path)) {
                    files = walk(
                            path,
                            source.kind() == SourceKind.JSONL ? SourceFiles::isJsonl : f -> Languages.known(f) != null);
                } else {
                    throw new WorkbenchException(where + "path " + path + " does not exist");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new WorkbenchException(where + "cannot list " + pattern + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new WorkbenchException(where + "no " + (source.kind() == SourceKind.JSONL ? "JSONL" : "code or text")
                    + " files at " + pattern);
        }
        return files;
    }

    static boolean isJsonl(Path file) {
        String name = file.getFileName().toString();
        return name.matches(".*\\.(jsonl|ndjson)(\\.gz)?");
    }

    private static List<Path> glob(String absolutePattern) throws IOException {
        Path base = Path.of("/");
        List<PathMatcher> parts = new ArrayList<>();
        boolean literal = true;
        for (Path part : Path.of(absolutePattern)) {
            literal &= part.toString().chars().noneMatch(c -> "*?[{".indexOf(c) >= 0);
            if (literal) base = base.resolve(part);
            else
                parts.add(
                        part.toString().equals("**")
                                ? null
                                : FileSystems.getDefault().getPathMatcher("glob:" + part));
        }
        if (!Files.isDirectory(base)) return List.of();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolutePattern);
        Path root = base;
        // Directories that cannot lead to a match are not entered: /usr/lib/python3*/** walks the
        // Python directories only, not all of /usr/lib.
        Predicate<Path> mayContainMatches = dir -> {
            Path relative = root.relativize(dir);
            for (int i = 0; i < relative.getNameCount() && i < parts.size(); i++) {
                if (parts.get(i) == null) return true;
                if (!parts.get(i).matches(relative.getName(i))) return false;
            }
            return relative.getNameCount() < parts.size() || parts.contains(null);
        };
        return walk(
                base, mayContainMatches, f -> matcher.matches(f.toAbsolutePath().normalize()));
    }

    private static List<Path> walk(Path directory, Predicate<Path> wanted) throws IOException {
        return walk(directory, dir -> true, wanted);
    }

    /** Regular, non-hidden files under {@code directory}, sorted; files that vanish or can't be read while listing are left out. */
    private static List<Path> walk(Path directory, Predicate<Path> enter, Predicate<Path> wanted) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(root) && (hidden(root.relativize(dir)) || !enter.test(dir)))
                    return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !hidden(root.relativize(file)) && wanted.test(file)) files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }

    /** SHA-256 over the files' names (relative to the first one's directory), sizes and bytes. */
    static String contentHash(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path root = files.get(0).toAbsolutePath().getParent();
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                Path absolute = file.toAbsolutePath();
                String name =
                        absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try (InputStream in = Files.newInputStream(file)) {
                    digest.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
                } catch (IOException e) { // the reader reports it (or skips it) with the file's name
                    digest.update("unreadable".getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

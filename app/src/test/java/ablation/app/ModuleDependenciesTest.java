package ablation.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Enforces docs/ARCHITECTURE.md, Modules: a module depends only on the modules in its row; nothing below app uses JavaFX. */
class ModuleDependenciesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "core", Set.of(),
            "engine", Set.of("core"),
            "storage", Set.of("core"),
            "experiments", Set.of("core", "engine", "storage"),
            "reports", Set.of("core", "storage"),
            "app", Set.of("core", "engine", "storage", "experiments", "reports"));
    /** Modules that must not reach DJL or PyTorch, not even through a module they depend on. */
    private static final Set<String> WITHOUT_DJL = Set.of("core", "storage", "reports");

    private static final Pattern MODULE_DEPENDENCY =
            Pattern.compile("<groupId>dev\\.ablation</groupId>\\s*<artifactId>([a-z]+)</artifactId>");

    @Test
    void pomsDeclareOnlyAllowedModuleDependencies() throws IOException {
        for (var module : ALLOWED.entrySet()) {
            String pom = Files.readString(ROOT.resolve(module.getKey()).resolve("pom.xml"));
            String dependencies = pom.substring(pom.indexOf("<dependencies>"));
            Set<String> found = new TreeSet<>();
            Matcher m = MODULE_DEPENDENCY.matcher(dependencies);
            while (m.find()) found.add(m.group(1));
            assertEquals(new TreeSet<>(module.getValue()), found, module.getKey() + "/pom.xml module dependencies");
        }
    }

    @Test
    void reportsAndTheModulesBelowItDoNotReachDjl() throws IOException {
        for (String module : WITHOUT_DJL) {
            for (String reached : closure(module)) {
                String pom = Files.readString(ROOT.resolve(reached).resolve("pom.xml"));
                assertFalse(pom.contains("<groupId>ai.djl"), module + " reaches DJL through " + reached + "/pom.xml");
            }
            for (Path source : javaSources(module)) {
                assertFalse(Files.readString(source).contains("import ai.djl."), source + " imports DJL");
            }
        }
    }

    /** The module and every module it depends on, directly or not, by the rows of {@link #ALLOWED}. */
    private static Set<String> closure(String module) {
        Set<String> reached = new TreeSet<>(Set.of(module));
        for (String dependency : ALLOWED.get(module)) reached.addAll(closure(dependency));
        return reached;
    }

    @Test
    void sourcesImportOnlyAllowedModules() throws IOException {
        for (var module : ALLOWED.entrySet()) {
            for (Path source : javaSources(module.getKey())) {
                String text = Files.readString(source);
                for (String other : ALLOWED.keySet()) {
                    if (other.equals(module.getKey()) || module.getValue().contains(other)) continue;
                    assertTrue(
                            !text.contains("import ablation." + other + "."),
                            source + " imports module " + other + ", which " + module.getKey() + " may not depend on");
                }
                if (!module.getKey().equals("app")) {
                    assertTrue(!text.contains("import javafx."), source + " imports JavaFX below app");
                }
            }
        }
    }

    private static List<Path> javaSources(String module) throws IOException {
        Path src = ROOT.resolve(module).resolve("src");
        if (!Files.isDirectory(src)) return List.of();
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}

package ablation.experiments.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.spec.SlurmOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmScriptTest {
    private static final List<String> COMMAND = List.of(
            "/opt/java/bin/java",
            "-cp",
            "/a/x.jar:/b/lib/*",
            "Main",
            "--db",
            "jdbc:postgresql://db/wb?user=me&password=it's $secret",
            "--root",
            "/studies/my study");

    private static SlurmScript script(int tasks, SlurmOptions options, Path logDir) {
        return new SlurmScript("lesson2-fim", tasks, options, logDir, Path.of("/work/dir"), COMMAND);
    }

    private static List<String> directives(String text) {
        return text.lines()
                .filter(l -> l.startsWith("#SBATCH "))
                .map(l -> l.substring("#SBATCH ".length()))
                .toList();
    }

    @Test
    void everyOptionBecomesADirective() {
        String text = script(6, new SlurmOptions("gpu,debug", "2:00:00", "a100:2", "16G", 8, 3), Path.of("/s/slurm"))
                .text();
        assertEquals(
                List.of(
                        "--job-name=lesson2-fim",
                        "--array=0-5%3",
                        "--output=/s/slurm/%A_%a.log",
                        "--chdir=/work/dir",
                        "--ntasks=1",
                        "--cpus-per-task=8",
                        "--partition=gpu,debug",
                        "--time=2:00:00",
                        "--gres=gpu:a100:2",
                        "--mem=16G"),
                directives(text));
        assertTrue(text.startsWith("#!/bin/bash\n"));
    }

    @Test
    void unsetOptionsLeaveTheClusterDefaults() {
        List<String> directives =
                directives(script(1, SlurmOptions.NONE, Path.of("/s/slurm")).text());
        assertTrue(directives.contains("--array=0-0"), directives.toString());
        assertTrue(directives.contains("--cpus-per-task=1"), "one thread per run unless cpus is given: " + directives);
        assertFalse(
                directives.stream()
                        .anyMatch(d -> d.startsWith("--partition")
                                || d.startsWith("--time")
                                || d.startsWith("--gres")
                                || d.startsWith("--mem")),
                directives.toString());
    }

    @Test
    void zeroGpusAsksForNone() {
        List<String> directives =
                directives(script(2, new SlurmOptions(null, null, "0", null, null, null), Path.of("/s"))
                        .text());
        assertFalse(directives.stream().anyMatch(d -> d.startsWith("--gres")), directives.toString());
    }

    @Test
    void pathsWithSpacesAreQuotedAndPercentSignsDoubled() {
        List<String> directives = directives(
                script(2, SlurmOptions.NONE, Path.of("/my studies/100%/slurm")).text());
        assertTrue(directives.contains("--output=\"/my studies/100%%/slurm/%A_%a.log\""), directives.toString());
        assertThrows(
                WorkbenchException.class,
                () -> script(2, SlurmOptions.NONE, Path.of("/a\"b/slurm")).text());
    }

    @Test
    void bashReadsBackTheExactWorkerCommandAndEnvironment(@TempDir Path dir) throws Exception {
        String text = script(2, SlurmOptions.NONE, dir).text();
        assertTrue(text.contains("export DJL_OFFLINE=true OPT_OUT_TRACKING=true\n"), text);
        // Replace exec with a printer of its arguments, NUL-separated, and let bash parse the script.
        Path probe = dir.resolve("probe.sh");
        Files.writeString(probe, text.replace("\nexec ", "\nprintf '%s\\0' \"$OPT_OUT_TRACKING\" \"$DJL_OFFLINE\" "));
        Process bash = new ProcessBuilder("bash", probe.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), out);
        List<String> words = Arrays.asList(out.split("\0"));
        assertEquals(List.of("true", "true"), words.subList(0, 2));
        assertEquals(COMMAND, words.subList(2, words.size()));
    }

    @Test
    void shellWordsAreQuotedOnlyWhenNeeded() {
        assertEquals("/usr/bin/java", SlurmScript.shellWord("/usr/bin/java"));
        assertEquals("-Dai.djl.pytorch.num_threads=4", SlurmScript.shellWord("-Dai.djl.pytorch.num_threads=4"));
        assertEquals("'a b'", SlurmScript.shellWord("a b"));
        assertEquals("'it'\\''s'", SlurmScript.shellWord("it's"));
        assertEquals("'$HOME'", SlurmScript.shellWord("$HOME"));
        assertEquals("''", SlurmScript.shellWord(""));
    }

    @Test
    void anArrayNeedsATask() {
        assertThrows(IllegalArgumentException.class, () -> script(0, SlurmOptions.NONE, Path.of("/s")));
    }
}

package ablation.experiments.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {
    @Test
    void workersGetTheLaunchersJavaOptionsAndThisJvmsHome() {
        assertEquals(
                List.of("-Xmx2g", "-XX:+UseSerialGC", "-Duser.home=/tmp/home-x"),
                WorkerCommand.launcherOptions(" -Xmx2g  -XX:+UseSerialGC -Duser.home=/elsewhere ", "/tmp/home-x"));
        assertEquals(List.of("-Xmx8g", "-Duser.home=/h"), WorkerCommand.launcherOptions(null, "/h"));
        assertEquals(List.of("-Xmx8g", "-Duser.home=/h"), WorkerCommand.launcherOptions("  ", "/h"));
    }

    @Test
    void theWorkerProcessIsStartedWithThem() {
        List<String> command = new WorkerCommand("Main", WorkerCommand.launcherOptions("-Xmx3g", "/tmp/h"))
                .build("jdbc:h2:mem:x", 1, Path.of("/tmp/run"), 2, Duration.ofSeconds(1))
                .command();
        assertTrue(
                command.indexOf("-Xmx3g") > 0 && command.indexOf("-Xmx3g") < command.indexOf("Main"),
                command.toString());
        assertTrue(command.contains("-Duser.home=/tmp/h"), command.toString());
        assertTrue(WorkerCommand.standard().jvmOptions().contains("-Duser.home=" + System.getProperty("user.home")));
    }
}

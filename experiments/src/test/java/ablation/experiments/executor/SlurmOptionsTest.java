package ablation.experiments.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigException;
import ablation.core.spec.SlurmOptions;
import ablation.core.spec.SpecLoader;
import org.junit.jupiter.api.Test;

class SlurmOptionsTest {
    private static final String STUDY = """
            name: s
            base: {data: {sources: [{name: py, kind: desk-pl}]}}
            axes: [{path: model.layers, values: [2, 4]}]
            """;

    @Test
    void theStudyFileSlurmSectionIsRead() {
        SlurmOptions slurm = SpecLoader.parse(STUDY + """
                slurm: {partition: gpu, time: 1:30:00, gpus: 2, mem: 16G, cpus: 8, max_parallel: 4}
                """).slurm();
        assertEquals(new SlurmOptions("gpu", "1:30:00", "2", "16G", 8, 4), slurm);
        assertEquals("gpu:2", slurm.gres());
        assertEquals(8, slurm.threads());
    }

    @Test
    void aStudyWithoutTheSectionLeavesEverythingToTheCluster() {
        assertEquals(SlurmOptions.NONE, SpecLoader.parse(STUDY).slurm());
        assertEquals(1, SlurmOptions.NONE.threads());
        assertNull(SlurmOptions.NONE.gres());
    }

    @Test
    void unknownKeysAndBadValuesNameTheField() {
        ConfigException unknown =
                assertThrows(ConfigException.class, () -> SpecLoader.parse(STUDY + "slurm: {gpu: 1}\n"));
        assertEquals("slurm.gpu", unknown.field());
        assertEquals(
                "slurm.time",
                assertThrows(ConfigException.class, () -> SpecLoader.parse(STUDY + "slurm: {time: 2h}\n"))
                        .field());
        assertEquals(
                "slurm.mem",
                assertThrows(ConfigException.class, () -> SpecLoader.parse(STUDY + "slurm: {mem: lots}\n"))
                        .field());
        assertEquals(
                "slurm.cpus",
                assertThrows(ConfigException.class, () -> SpecLoader.parse(STUDY + "slurm: {cpus: 0}\n"))
                        .field());
        assertEquals(
                "slurm.cpus",
                assertThrows(ConfigException.class, () -> SpecLoader.parse(STUDY + "slurm: {cpus: 1.5}\n"))
                        .field());
        assertEquals(
                "slurm.max_parallel",
                assertThrows(ConfigException.class, () -> SpecLoader.parse(STUDY + "slurm: {max_parallel: -1}\n"))
                        .field());
        assertEquals(
                "slurm.partition",
                assertThrows(ConfigException.class, () -> SpecLoader.parse(STUDY + "slurm: {partition: 'a b'}\n"))
                        .field());
    }

    @Test
    void slurmTimeFormatsAreAccepted() {
        for (String time : new String[] {"30", "30:00", "2:00:00", "1-12", "1-12:30", "1-12:30:00", "UNLIMITED"}) {
            assertEquals(time, new SlurmOptions(null, time, null, null, null, null).time());
        }
    }

    @Test
    void flagsOverrideTheStudyFieldByField() {
        SlurmOptions study = new SlurmOptions("cpu", "60", "1", "8G", 4, 2);
        SlurmOptions merged = study.overriddenBy(new SlurmOptions("gpu", null, "0", null, 16, null));
        assertEquals(new SlurmOptions("gpu", "60", "0", "8G", 16, 2), merged);
        assertNull(merged.gres(), "--gpus 0 runs a GPU study on CPUs");
    }

    @Test
    void onlyAStoreEveryTaskCanReachIsAccepted() {
        assertTrue(SlurmExecutor.checkStore("jdbc:postgresql://db.lab:5432/wb").isEmpty());
        assertTrue(SlurmExecutor.checkStore("jdbc:h2:tcp://head-node:9092/wb").isEmpty());
        assertTrue(SlurmExecutor.checkStore("jdbc:h2:tcp://localhost:9092/wb")
                .orElseThrow()
                .contains("only tasks on this node"));
        assertTrue(SlurmExecutor.checkStore("jdbc:h2:file:/home/me/.workbench/workbench;AUTO_SERVER=TRUE")
                .isPresent());
        WorkbenchException embedded =
                assertThrows(WorkbenchException.class, () -> SlurmExecutor.checkStore("jdbc:h2:file:/tmp/wb"));
        assertTrue(
                embedded.getMessage().contains("workbench db serve")
                        && embedded.getMessage().contains("PostgreSQL"),
                embedded.getMessage());
        assertThrows(WorkbenchException.class, () -> SlurmExecutor.checkStore("jdbc:h2:mem:wb;AUTO_SERVER=TRUE"));
    }
}

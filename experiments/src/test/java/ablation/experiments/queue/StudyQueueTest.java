package ablation.experiments.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigLoader;
import ablation.core.spec.GridExpander;
import ablation.core.spec.SpecLoader;
import ablation.storage.TrackingStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StudyQueueTest {
    private static final String STUDY = """
            name: s
            base: {data: {sources: [{name: py, kind: desk-pl}]}, train: {tokens: 10000}}
            axes: [{path: model.layers, values: [2, 4]}]
            """;

    private static void enqueue(TrackingStore store, String yaml) {
        JsonNode tree = ConfigLoader.readTree(yaml);
        StudyQueue.enqueue(store, "s", tree, GridExpander.expand(SpecLoader.parse(yaml), false));
    }

    @Test
    void whereAStudyRunsIsNotPartOfWhatItIs() {
        try (TrackingStore store =
                TrackingStore.open("jdbc:h2:mem:queue-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            enqueue(store, STUDY);
            enqueue(store, STUDY + "slurm: {partition: gpu, time: 60}\n");
            long studyId = store.studies().byName("s").orElseThrow().id();
            assertEquals(2, store.runs().list(studyId).size(), "restarted with a slurm section: the same two runs");
            assertThrows(WorkbenchException.class, () -> enqueue(store, STUDY.replace("[2, 4]", "[2, 6]")));
        }
    }
}

package ablation.engine.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.core.WorkbenchException;
import ablation.core.config.Arch;
import ablation.core.config.ConfigLoader;
import ablation.core.config.ModelConfig;
import ablation.core.config.RunConfig;
import org.junit.jupiter.api.Test;

class TrainingMemoryTest {
    private static final ModelConfig SMALL = new ModelConfig(Arch.CAUSAL, 2, 64, 4, 8, 32, 1e-5, 0.02);
    private static final long MIB = 1 << 20;

    private static RunConfig run(String model, String train) {
        return ConfigLoader.parse(
                "name: m\ndata: {sources: [{name: py, kind: desk-pl}]}\nmodel: " + model + "\ntrain: " + train + "\n");
    }

    @Test
    void matchesTheFigureWorkedOutByHand() {
        // d = 64, V = 512, L = 2: a block has 2d + 4d^2 + (4d^2 + 4d) + (4d^2 + d) = 49,600 parameters;
        // P = 2 V d + L * 49,600 + 2d + V = 65,536 + 99,200 + 128 + 512 = 165,376.
        // Activations at B = 4, T = 32, h = 4: per layer 18 B T d + 3 B h T^2 = 147,456 + 49,152 = 196,608;
        // 2 layers + B T d + 3 B T V = 393,216 + 8,192 + 196,608 = 598,016 floats.
        TrainingMemory memory = TrainingMemory.of(SMALL, 512, 4);
        assertEquals(
                new TrainingMemory(165_376L * 4, 165_376L * 4, 2 * 165_376L * 4, 598_016L * 4, 3 * 165_376L * 4),
                memory);
        assertEquals(4 * 165_376L * 4 + 598_016L * 4, memory.nativeBytes());
    }

    @Test
    void absurdShapesSaturateInsteadOfWrapping() {
        ModelConfig huge = new ModelConfig(Arch.CAUSAL, Integer.MAX_VALUE, 1 << 30, 2, 0, 1 << 30, 1e-5, 0.02);
        assertEquals(
                Long.MAX_VALUE,
                TrainingMemory.of(huge, 1 << 20, Integer.MAX_VALUE).totalBytes());
    }

    @Test
    void aModelThatDoesNotFitTheMachineIsRefusedWithTheFigures() {
        RunConfig config = run("{layers: 100000}", "{tokens: 100000}");
        WorkbenchException e = assertThrows(
                WorkbenchException.class, () -> new MemoryBudget(8L << 30, 8L << 30).check(config, 4096, true));
        assertTrue(e.getMessage().contains("layers: 100000"), e.getMessage());
        assertTrue(
                e.getMessage().matches(".*needs ~\\d+ GiB at batch 16, context 256 .*this machine has 8.0 GiB.*"),
                e.getMessage());
    }

    @Test
    void aCheckpointThatDoesNotFitTheHeapIsRefused() {
        RunConfig config =
                run("{layers: 2, d_model: 64, heads: 4, rotary_dim: 8, context: 32}", "{tokens: 100000, batch: 4}");
        MemoryBudget tinyHeap = new MemoryBudget(MIB, 1L << 40);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> tinyHeap.check(config, 512, true));
        assertTrue(
                e.getMessage().contains("Java heap") && e.getMessage().contains("WORKBENCH_JAVA_OPTS"), e.getMessage());
        // the same model fits a budget just above its estimate (the positive control)
        long need = TrainingMemory.of(config.model(), 512, 4).totalBytes();
        assertDoesNotThrow(() -> new MemoryBudget(need, need).check(config, 512, true));
        assertThrows(WorkbenchException.class, () -> new MemoryBudget(need, need - 1).check(config, 512, true));
        // on a GPU the host's memory does not hold the tensors
        assertDoesNotThrow(() -> new MemoryBudget(need, need - 1).check(config, 512, false));
    }

    @Test
    void theDefaultModelFitsThisMachine() {
        assertDoesNotThrow(() -> MemoryBudget.ofThisMachine().check(run("{}", "{}"), 4096, true));
    }
}

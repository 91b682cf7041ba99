package ablation.engine.train;

import ablation.core.WorkbenchException;
import ablation.core.config.ModelConfig;
import ablation.core.config.RunConfig;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The memory a run may train in: the Java heap's maximum (what checkpoints copy into) and the
 * machine's physical memory (where PyTorch keeps the tensors of a CPU run). {@link #check} refuses a
 * run whose {@link TrainingMemory} estimate does not fit, before anything is allocated or written.
 *
 * @param heapBytes the JVM's maximum heap ({@code -Xmx}, set through {@code WORKBENCH_JAVA_OPTS})
 * @param physicalBytes the machine's physical memory
 */
public record MemoryBudget(long heapBytes, long physicalBytes) {
    private static final double GIB = 1L << 30;

    /** This JVM's maximum heap and this machine's physical memory ({@code MemTotal} of /proc/meminfo). */
    public static MemoryBudget ofThisMachine() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory(), physicalMemory());
    }

    /** Checks the run's model, at its micro-batch and context, against this budget. */
    public void check(RunConfig config, int vocab) {
        check(config, vocab, tensorsOnHost(config.train().device()));
    }

    /**
     * @param tensorsOnHost whether the tensors live in this machine's memory (a CPU run), not a GPU's
     * @throws WorkbenchException naming the model, the batch, the context and both figures when it does not fit
     */
    public void check(RunConfig config, int vocab, boolean tensorsOnHost) {
        ModelConfig model = config.model();
        int microBatch = config.train().microBatch();
        TrainingMemory need = TrainingMemory.of(model, vocab, microBatch);
        String shape = String.format(
                Locale.ROOT,
                "model {layers: %d, d_model: %d, heads: %d} with a vocabulary of %d",
                model.layers(),
                model.dModel(),
                model.heads(),
                vocab);
        String at = " at batch " + microBatch + (microBatch == config.train().batch() ? "" : " (train.micro_batch)")
                + ", context " + model.context();
        String smaller = ": make the model smaller (model.layers, model.d_model)"
                + " or lower train.micro_batch or model.context";
        long total = need.totalBytes();
        if (tensorsOnHost && total > physicalBytes) {
            throw new WorkbenchException(shape + " needs ~" + gib(total) + " GiB" + at + " (parameters "
                    + gib(need.parameterBytes()) + ", gradients " + gib(need.gradientBytes()) + ", AdamW moments "
                    + gib(need.optimizerBytes()) + ", activations " + gib(need.activationBytes()) + ", checkpoint copy "
                    + gib(need.heapBytes()) + " GiB); this machine has " + gib(physicalBytes) + " GiB" + smaller);
        }
        if (need.heapBytes() > heapBytes) {
            throw new WorkbenchException(shape + " needs ~" + gib(need.heapBytes()) + " GiB of Java heap to write a"
                    + " checkpoint (parameters and both AdamW moments); this JVM has " + gib(heapBytes)
                    + " GiB: raise -Xmx in WORKBENCH_JAVA_OPTS (e.g. WORKBENCH_JAVA_OPTS=-Xmx16g)"
                    + smaller.replace(":", ", or"));
        }
    }

    /** A CPU run keeps its tensors here; {@code auto} does too when no GPU is visible. */
    static boolean tensorsOnHost(String device) {
        return device.equals("cpu") || (device.equals("auto") && CudaUtils.getGpuCount() == 0);
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, bytes >= 10 * GIB ? "%.0f" : "%.1f", bytes / GIB);
    }

    private static long physicalMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: the JVM's own figure below
        }
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }
}

package ablation.core.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a run trains ({@code train.device}). The config value is {@code auto}, {@code cpu},
 * {@code gpu} or {@code gpu:N}; this is its kind, and {@link #gpuIndex} its GPU number.
 */
public enum Device implements Choice {
    /** The first GPU when the engine sees one, else the CPU. */
    AUTO("auto"),
    /** The CPU. */
    CPU("cpu"),
    /** A GPU: {@code gpu} is GPU 0, {@code gpu:N} GPU N. */
    GPU("gpu");

    private final String label;

    Device(String label) {
        this.label = label;
    }

    @JsonValue
    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The kind of a {@code train.device} value; a {@link ConfigException} naming the field otherwise. */
    public static Device of(String spec) {
        if (spec != null && spec.matches("gpu:\\d+")) return GPU;
        return Choice.find(Device.class, spec)
                .orElseThrow(() -> new ConfigException("train.device", spec, "must be auto, cpu, gpu or gpu:N"));
    }

    /** The GPU number of a {@code gpu} or {@code gpu:N} value. */
    public static int gpuIndex(String spec) {
        if (of(spec) != GPU) throw new IllegalArgumentException(spec + " names no GPU");
        return spec.equals(GPU.label) ? 0 : Integer.parseInt(spec.substring(GPU.label.length() + 1));
    }
}

package ablation.engine.train;

import ablation.core.WorkbenchException;
import ai.djl.Device;
import ai.djl.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns {@code train.device} into a DJL device: {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
public final class Devices {
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private Devices() {}

    /** {@code auto} takes the first GPU when DJL sees one, else the CPU; the choice is logged. */
    public static Device select(String spec) {
        int gpus = Engine.getInstance().getGpuCount();
        Device device;
        ablation.core.config.Device kind = ablation.core.config.Device.of(spec);
        if (kind == ablation.core.config.Device.AUTO) {
            device = gpus > 0 ? Device.gpu(0) : Device.cpu();
        } else if (kind == ablation.core.config.Device.CPU) {
            device = Device.cpu();
        } else {
            int index = ablation.core.config.Device.gpuIndex(spec);
            if (index >= gpus) {
                throw new WorkbenchException("train.device = '" + spec + "': DJL sees " + gpus + " GPU(s)"
                        + (gpus == 0 ? " (no CUDA build of PyTorch or no driver); use device: cpu or auto" : ""));
            }
            device = Device.gpu(index);
        }
        LOG.info(
                "training on {} (train.device = {}, GPUs visible: {}, engine {} {})",
                device,
                spec,
                gpus,
                Engine.getInstance().getEngineName(),
                Engine.getInstance().getVersion());
        return device;
    }
}

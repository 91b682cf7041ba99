package ablation.engine;

import ai.djl.engine.Engine;

/** Versions recorded as provenance with every run and shown by {@code workbench --version}. */
public final class Versions {
    public static final String APP = "0.1.0";

    private Versions() {}

    public static String djl() {
        return Engine.getDjlVersion();
    }

    /** The PyTorch (libtorch) version of the loaded engine; loads the engine. */
    public static String pytorch() {
        return Engine.getEngine("PyTorch").getVersion();
    }
}

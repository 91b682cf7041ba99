package ablation.engine.data;

import java.nio.charset.StandardCharsets;

/** Derives independent, well-mixed seeds from a run seed and what they are for. */
final class Seeds {
    private Seeds() {}

    /** A seed for {@code purpose} (a source's name, say) and {@code index}, from the run's {@code seed}. */
    static long derive(long seed, String purpose, long index) {
        long h = seed;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) h = mix(h * 31 + b);
        return mix(mix(h) ^ index * 0x9E3779B97F4A7C15L);
    }

    /** The SplitMix64 / Murmur3 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package ablation.engine.desk;

/** Derives independent seeds for the suite's streams from one suite seed (SplitMix64 steps). */
final class Seeds {
    static final long PL = 0x5eed_0001L;
    static final long NL = 0x5eed_0002L;
    static final long PROBLEMS = 0x5eed_0003L;
    static final long INFILL_LINES = 0x5eed_0004L;

    private Seeds() {}

    static long derive(long seed, long stream, long index) {
        return mix(mix(seed ^ mix(stream)) + index);
    }

    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

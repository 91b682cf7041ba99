package ablation.engine.desk;

import java.nio.charset.StandardCharsets;

/**
 * The fixed split of the program space into training and held-out programs: a hash of the normalised
 * canonical body puts one program in {@link #ONE_IN} on the held-out side. It depends on neither the
 * seed nor the difficulty, so no training document of any seed ever holds a benchmark function's
 * program, in any of its renderings (names, loop or expression style).
 */
final class HeldOut {
    /** One program in this many is held out. */
    static final int ONE_IN = 16;

    private HeldOut() {}

    static boolean isHeldOut(Program program) {
        return Long.remainderUnsigned(hash(BodyNormalizer.normalize(FunctionWriter.canonicalBody(program))), ONE_IN)
                == 0;
    }

    /** FNV-1a over UTF-8, finished with the SplitMix64 mixer (stable across JVMs and versions). */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}

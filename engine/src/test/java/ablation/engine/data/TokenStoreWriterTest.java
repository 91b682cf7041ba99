package ablation.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes building the same cache entry at once (two runs of a study launched in parallel). */
class TokenStoreWriterTest {
    @TempDir
    Path dir;

    @Test
    void theSecondWriterToFinishUsesTheFirstOnesEntry() throws Exception {
        Path target = dir.resolve("py-entry");
        TokenStoreWriter first = new TokenStoreWriter(target, "py", "key", 512);
        TokenStoreWriter second = new TokenStoreWriter(target, "py", "key", 512);
        first.add("python", new int[] {1, 2, 3});
        second.add("python", new int[] {1, 2, 3});
        TokenStore winner = first.commit(0, null);
        TokenStore loser = second.commit(0, null);
        assertEquals(3, winner.totalTokens());
        assertEquals(3, loser.totalTokens(), "the entry already in place, not an error");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "the second writer's temporary directory is gone");
        }
    }
}

package ablation.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two workers (the runs of a study) tokenizing the same source at once: the second uses the first's entry. */
class TokenStoreWriterTest {
    @Test
    void aWriterThatLosesTheRaceUsesTheEntryAlreadyInPlace(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("py-entry");
        TokenStoreWriter first = new TokenStoreWriter(target, "py", "key", 512);
        TokenStoreWriter second = new TokenStoreWriter(target, "py", "key", 512);
        first.add("python", new int[] {1, 2, 3});
        second.add("python", new int[] {1, 2, 3});
        TokenStore committed = first.commit(0, null);
        TokenStore reused = second.commit(0, null);
        assertEquals(committed.totalTokens(), reused.totalTokens());
        assertEquals(3, reused.totalTokens());
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.allMatch(target::equals), "the loser's temporary directory is removed");
        }
    }
}

package ablation.engine.data;

import ablation.core.WorkbenchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a cache entry atomically: shards go to a temporary sibling directory, the manifest is
 * written last, and the directory is renamed into place. An interrupted write leaves only a
 * temporary directory, which readers ignore: the writer deletes it when closed after a failure, and
 * the next writer of the same entry deletes it if its process was killed.
 */
final class TokenStoreWriter implements AutoCloseable {
    /** Tokens per shard: 2^27 ids stay under the 2 GB a single mapping can hold even at 4 bytes each. */
    static final long SHARD_TOKENS = 1L << 27;

    private final Path target;
    private final Path temporary;
    private final String source;
    private final String key;
    private final int bytesPerToken;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final List<Integer> shardDocuments = new ArrayList<>();
    private final Map<String, Long> languages = new TreeMap<>();
    private FileChannel shard;
    private long[] offsets = new long[1024];
    private int shardCount; // documents in the open shard
    private long documents;
    private long tokens;
    private boolean committed;

    TokenStoreWriter(Path target, String source, String key, int vocabSize) {
        this.target = target;
        this.source = source;
        this.key = key;
        this.bytesPerToken = vocabSize <= 1 << 16 ? 2 : 4;
        this.temporary = target.resolveSibling(
                target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(temporary);
            deleteLeftovers(target);
        } catch (IOException e) {
            throw new WorkbenchException(
                    "cannot create the token cache at " + target.getParent() + ": " + e.getMessage(), e);
        }
    }

    long tokens() {
        return tokens;
    }

    void add(String language, int[] ids) {
        try {
            if (shard == null) openShard();
            for (int id : ids) {
                if (buffer.remaining() < 4) flush();
                if (bytesPerToken == 2) buffer.putShort((short) id);
                else buffer.putInt(id);
            }
            if (shardCount + 2 > offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
            offsets[shardCount + 1] = offsets[shardCount] + ids.length;
            shardCount++;
            documents++;
            tokens += ids.length;
            languages.merge(language, 1L, Long::sum);
            if (offsets[shardCount] >= SHARD_TOKENS) closeShard();
        } catch (IOException e) {
            throw new WorkbenchException("cannot write the token cache at " + temporary + ": " + e.getMessage(), e);
        }
    }

    /** Writes the manifest and moves the entry into place; if another process got there first, uses its entry. */
    TokenStore commit(long skipped, String firstProblem) {
        try {
            if (shard != null) closeShard();
            Manifest manifest = new Manifest(
                    Manifest.VERSION,
                    source,
                    key,
                    bytesPerToken,
                    documents,
                    tokens,
                    List.copyOf(shardDocuments),
                    skipped,
                    firstProblem,
                    languages);
            Path manifestFile = temporary.resolve(Manifest.FILE);
            TokenStore.JSON.writerWithDefaultPrettyPrinter().writeValue(manifestFile.toFile(), manifest);
            try (FileChannel channel = FileChannel.open(manifestFile, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
            } catch (FileSystemException e) {
                // Renaming onto another writer's entry fails with ENOTEMPTY, which Java reports as a
                // plain FileSystemException (not DirectoryNotEmptyException): use that entry.
                if (TokenStore.open(target) == null) throw e;
            }
            return TokenStore.open(target);
        } catch (IOException e) {
            throw new WorkbenchException("cannot write the token cache at " + target + ": " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    private void openShard() throws IOException {
        shard = FileChannel.open(
                temporary.resolve(TokenStore.tokensFile(shardDocuments.size())),
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        shardCount = 0;
        offsets[0] = 0;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) shard.write(buffer);
        buffer.clear();
    }

    private void closeShard() throws IOException {
        flush();
        shard.force(true);
        shard.close();
        shard = null;
        ByteBuffer index = ByteBuffer.allocate((shardCount + 1) * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i <= shardCount; i++) index.putLong(offsets[i]);
        index.flip();
        Files.write(
                temporary.resolve(TokenStore.offsetsFile(shardDocuments.size())),
                Arrays.copyOf(index.array(), index.limit()));
        shardDocuments.add(shardCount);
    }

    /** Deletes the temporary directories of writers of this entry whose process has died (killed mid-write). */
    private static void deleteLeftovers(Path target) throws IOException {
        String prefix = target.getFileName() + ".tmp-";
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path sibling : siblings.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .toList()) {
                String pid = sibling.getFileName()
                        .toString()
                        .substring(prefix.length())
                        .replaceAll("-.*", "");
                if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) deleteTree(sibling);
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Deletes the temporary directory unless the entry was committed. */
    @Override
    public void close() {
        try {
            if (shard != null) shard.close();
            shard = null;
            if (!committed && Files.exists(temporary)) deleteTree(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package ablation.engine.data;

import ablation.core.WorkbenchException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A cache entry: the tokenized documents of one source, memory-mapped from shard files. Each
 * shard is a tokens file (little-endian 16- or 32-bit ids, documents back to back) and an offsets
 * file (64-bit, documents + 1 entries).
 */
final class TokenStore implements Documents {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Manifest manifest;
    private final ShortBuffer[] shorts;
    private final IntBuffer[] ints;
    private final LongBuffer[] offsets;
    private final int[] firstDocument; // global index of each shard's first document

    private TokenStore(Path directory, Manifest manifest) throws IOException {
        this.directory = directory;
        this.manifest = manifest;
        int shards = manifest.shardDocuments().size();
        shorts = new ShortBuffer[shards];
        ints = new IntBuffer[shards];
        offsets = new LongBuffer[shards];
        firstDocument = new int[shards];
        int first = 0;
        for (int s = 0; s < shards; s++) {
            firstDocument[s] = first;
            first += manifest.shardDocuments().get(s);
            ByteBuffer tokens = map(directory.resolve(tokensFile(s)));
            if (manifest.bytesPerToken() == 2) shorts[s] = tokens.asShortBuffer();
            else ints[s] = tokens.asIntBuffer();
            offsets[s] = map(directory.resolve(offsetsFile(s))).asLongBuffer();
            if (offsets[s].limit() != manifest.shardDocuments().get(s) + 1)
                throw new IOException("offsets of shard " + s + " do not match the manifest");
        }
    }

    /** The entry in {@code directory}, or null when it has no manifest (absent or unfinished). */
    static TokenStore open(Path directory) {
        Path file = directory.resolve(Manifest.FILE);
        if (!Files.isRegularFile(file)) return null;
        try {
            Manifest manifest = JSON.readValue(file.toFile(), Manifest.class);
            if (manifest.version() != Manifest.VERSION) return null;
            return new TokenStore(directory, manifest);
        } catch (IOException e) {
            throw new WorkbenchException(
                    "token cache entry " + directory + " is damaged (" + e.getMessage() + "); delete it to rebuild", e);
        }
    }

    static String tokensFile(int shard) {
        return String.format("shard-%05d.tokens", shard);
    }

    static String offsetsFile(int shard) {
        return String.format("shard-%05d.offsets", shard);
    }

    private static ByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    Manifest manifest() {
        return manifest;
    }

    Path directory() {
        return directory;
    }

    @Override
    public int count() {
        return (int) manifest.documents();
    }

    @Override
    public long totalTokens() {
        return manifest.tokens();
    }

    @Override
    public int length(int doc) {
        int s = shard(doc);
        int local = doc - firstDocument[s];
        return (int) (offsets[s].get(local + 1) - offsets[s].get(local));
    }

    @Override
    public void read(int doc, int from, int[] dst, int at, int n) {
        int s = shard(doc);
        int local = doc - firstDocument[s];
        long start = offsets[s].get(local) + from;
        if (from < 0 || start + n > offsets[s].get(local + 1))
            throw new IndexOutOfBoundsException("document " + doc + " read past its end");
        if (shorts[s] != null) {
            for (int i = 0; i < n; i++) dst[at + i] = shorts[s].get((int) start + i) & 0xffff;
        } else {
            ints[s].get((int) start, dst, at, n);
        }
    }

    private int shard(int doc) {
        if (doc < 0 || doc >= count()) throw new IndexOutOfBoundsException("document " + doc + " of " + count());
        int s = Arrays.binarySearch(firstDocument, doc);
        return s >= 0 ? s : -s - 2;
    }
}

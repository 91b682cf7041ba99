package ablation.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (Hugging Face) for float32 tensors: an 8-byte little-endian header
 * length, a JSON header mapping each name to {@code dtype}, {@code shape} and
 * {@code data_offsets} (plus optional string {@code __metadata__}), then the raw little-endian data.
 * Written by hand so that checkpoints and exports need nothing but the JDK.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100_000_000L;

    private Safetensors() {}

    /** A float32 tensor in row-major order. */
    public record Tensor(long[] shape, float[] values) {
        public Tensor {
            if (Arrays.stream(shape).reduce(1, Math::multiplyExact) != values.length) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
            }
        }
    }

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> each : tensors.entrySet()) {
            long bytes = 4L * each.getValue().values().length;
            ObjectNode entry = header.putObject(each.getKey());
            entry.put("dtype", "F32");
            Arrays.stream(each.getValue().shape()).forEach(entry.putArray("shape")::add);
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8; // data starts 8-byte aligned, padded with spaces
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) head.put((byte) ' ');
        head.flip();
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeFully(out, head);
            for (Tensor tensor : tensors.values()) {
                float[] values = tensor.values();
                ByteBuffer chunk = ByteBuffer.allocate(4 * Math.min(values.length, 1 << 20))
                        .order(ByteOrder.LITTLE_ENDIAN);
                for (int start = 0; start < values.length; start += chunk.capacity() / 4) {
                    int count = Math.min(chunk.capacity() / 4, values.length - start);
                    chunk.clear();
                    chunk.asFloatBuffer().put(values, start, count);
                    chunk.limit(4 * count);
                    writeFully(out, chunk);
                }
            }
            out.force(true);
        }
    }

    /** The tensors of a file, in the order of their data. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            ByteBuffer length = readFully(in, 0, 8);
            long headerLength = length.order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                throw new IOException(file + ": not a safetensors file (header length " + headerLength + ")");
            }
            JsonNode header = JSON.readTree(
                    new String(readFully(in, 8, (int) headerLength).array(), StandardCharsets.UTF_8));
            long dataStart = 8 + headerLength;
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getKey().equals("__metadata__")) entries.add(entry);
            }
            entries.sort(Comparator.comparingLong(
                    e -> e.getValue().path("data_offsets").path(0).asLong()));
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : entries) {
                tensors.put(entry.getKey(), readTensor(in, file, entry.getKey(), entry.getValue(), dataStart, size));
            }
            return tensors;
        }
    }

    private static Tensor readTensor(FileChannel in, Path file, String name, JsonNode entry, long dataStart, long size)
            throws IOException {
        if (!"F32".equals(entry.path("dtype").asText())) {
            throw new IOException(
                    file + ": tensor " + name + " has dtype " + entry.path("dtype") + ", only F32 is supported");
        }
        long[] shape = new long[entry.path("shape").size()];
        for (int i = 0; i < shape.length; i++)
            shape[i] = entry.path("shape").get(i).asLong();
        long begin = entry.path("data_offsets").path(0).asLong(-1);
        long end = entry.path("data_offsets").path(1).asLong(-1);
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (begin < 0 || end - begin != 4 * count || dataStart + end > size) {
            throw new IOException(file + ": tensor " + name + " has offsets [" + begin + ", " + end
                    + "] that do not fit shape " + Arrays.toString(shape) + " in a file of " + size + " bytes");
        }
        float[] values = new float[Math.toIntExact(count)];
        ByteBuffer chunk =
                ByteBuffer.allocate(4 * Math.min(values.length, 1 << 20)).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < values.length; ) {
            int n = Math.min(chunk.capacity() / 4, values.length - start);
            chunk.clear().limit(4 * n);
            long position = dataStart + begin + 4L * start;
            while (chunk.hasRemaining()) {
                if (in.read(chunk, position + chunk.position()) < 0)
                    throw new IOException(file + ": truncated in " + name);
            }
            chunk.flip();
            chunk.asFloatBuffer().get(values, start, n);
            start += n;
        }
        return new Tensor(shape, values);
    }

    private static ByteBuffer readFully(FileChannel in, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, position + buffer.position()) < 0) throw new IOException("unexpected end of file");
        }
        buffer.flip();
        return buffer;
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) out.write(buffer);
    }
}

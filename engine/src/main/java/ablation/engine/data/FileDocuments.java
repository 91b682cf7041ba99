package ablation.engine.data;

import ablation.core.WorkbenchException;
import ablation.core.config.SourceConfig;
import ablation.core.config.SourceKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Reads the documents of a {@code files} source (one per file) or a {@code jsonl} source (one per
 * line, the string field {@code text_field}; gzipped when the name ends in {@code .gz}), lazily.
 * A bad record (an unreadable file, invalid UTF-8, a line that is not a JSON object with a string
 * {@code text_field}) fails with its file and line, or with {@code on_bad_record: skip} is skipped
 * and counted. Empty documents are dropped.
 */
final class FileDocuments implements Iterator<Document> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceConfig source;
    private final List<Path> files;
    private int fileIndex;
    private LineReader lines;
    private Document next;
    private long skipped;
    private String firstProblem;

    FileDocuments(SourceConfig source, List<Path> files) {
        this.source = source;
        this.files = files;
    }

    /** Bad records skipped so far. */
    long skipped() {
        return skipped;
    }

    /** The first skipped record's location and problem, or null. */
    String firstProblem() {
        return firstProblem;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (lines != null) {
                next = nextLine();
            } else if (fileIndex < files.size()) {
                Path file = files.get(fileIndex++);
                if (source.kind() == SourceKind.JSONL) {
                    open(file);
                } else {
                    next = readFile(file);
                }
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public Document next() {
        if (!hasNext()) throw new NoSuchElementException();
        Document document = next;
        next = null;
        return document;
    }

    private Document readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            bad(file.toString(), "cannot read (" + e.getMessage() + ")");
            return null;
        }
        String text = decode(bytes);
        if (text == null) {
            bad(file.toString(), "not valid UTF-8");
            return null;
        }
        return text.isEmpty() ? null : new Document(Languages.of(file), text);
    }

    private void open(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            lines = new LineReader(
                    file,
                    file.getFileName().toString().endsWith(".gz")
                            ? new BufferedInputStream(new GZIPInputStream(in), 1 << 16)
                            : in);
        } catch (IOException e) {
            bad(file.toString(), "cannot read (" + e.getMessage() + ")");
        }
    }

    private Document nextLine() {
        byte[] line;
        try {
            line = lines.read();
        } catch (IOException e) {
            bad(lines.file + ":" + (lines.number + 1), "cannot read (" + e.getMessage() + ")");
            line = null;
        }
        if (line == null) {
            lines.close();
            lines = null;
            return null;
        }
        String where = lines.file + ":" + lines.number;
        String text = decode(line);
        if (text == null) {
            bad(where, "not valid UTF-8");
            return null;
        }
        if (text.isBlank()) return null;
        JsonNode record;
        try {
            record = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            bad(where, "not valid JSON (" + e.getOriginalMessage() + ")");
            return null;
        }
        JsonNode field = record == null ? null : record.get(source.textField());
        if (field == null || !field.isTextual()) {
            bad(where, "no string field '" + source.textField() + "' (set text_field)");
            return null;
        }
        if (field.asText().isEmpty()) return null;
        JsonNode language = record.has("lang") ? record.get("lang") : record.get("language");
        return new Document(
                language != null && language.isTextual()
                        ? language.asText().toLowerCase(Locale.ROOT)
                        : Languages.UNKNOWN,
                field.asText());
    }

    private void bad(String where, String problem) {
        if ("fail".equals(source.onBadRecord())) {
            if (lines != null) lines.close();
            throw new WorkbenchException(
                    "source " + source.name() + ": " + where + ": " + problem + " (on_bad_record: skip would skip it)");
        }
        if (firstProblem == null) firstProblem = where + ": " + problem;
        skipped++;
    }

    /** Strict UTF-8, or null when the bytes are not valid UTF-8. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Lines as raw bytes (so that a bad line is reported, not the whole file), numbered from 1. */
    private static final class LineReader {
        final Path file;
        final InputStream in;
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        long number;

        LineReader(Path file, InputStream in) {
            this.file = file;
            this.in = in;
        }

        byte[] read() throws IOException {
            buffer.reset();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') buffer.write(b);
            if (b < 0 && buffer.size() == 0) return null;
            number++;
            byte[] line = buffer.toByteArray();
            int end = line.length;
            if (end > 0 && line[end - 1] == '\r') end--;
            return end == line.length ? line : Arrays.copyOf(line, end);
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

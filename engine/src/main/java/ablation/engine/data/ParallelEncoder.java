package ablation.engine.data;

import ablation.core.WorkbenchException;
import ablation.engine.tokenizer.Tokenizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;

/**
 * Tokenizes documents on several threads while keeping their order: documents are read on the
 * calling thread in batches, encoded by a pool ({@link Tokenizer#encode} must be thread-safe, as
 * the Hugging Face tokenizer is), and handed to the sink in order.
 */
final class ParallelEncoder {
    private static final int BATCH_CHARS = 1 << 20;
    private static final int BATCH_DOCUMENTS = 256;

    private ParallelEncoder() {}

    /** Threads worth using here: the machine's cores (2 on a laptop-class CPU). */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Encodes {@code documents} in order into {@code sink} until the documents run out or the sink
     * returns false (it wants no more).
     */
    static void encode(
            Iterator<Document> documents, Tokenizer tokenizer, int threads, BiPredicate<Document, int[]> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "tokenize");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<Encoded>> pending = new ArrayDeque<>();
        try {
            while (true) {
                while (pending.size() < 2 * threads && documents.hasNext()) {
                    List<Document> batch = nextBatch(documents);
                    pending.add(pool.submit(() -> {
                        List<int[]> ids = new ArrayList<>(batch.size());
                        for (Document document : batch) ids.add(tokenizer.encode(document.text()));
                        return new Encoded(batch, ids);
                    }));
                }
                if (pending.isEmpty()) return;
                Encoded encoded = pending.poll().get();
                for (int i = 0; i < encoded.documents.size(); i++) {
                    if (!sink.test(encoded.documents.get(i), encoded.ids.get(i))) return;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new WorkbenchException("tokenization failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbenchException("tokenization interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Document> nextBatch(Iterator<Document> documents) {
        List<Document> batch = new ArrayList<>();
        long chars = 0;
        while (documents.hasNext() && batch.size() < BATCH_DOCUMENTS && chars < BATCH_CHARS) {
            Document document = documents.next();
            batch.add(document);
            chars += document.text().length();
        }
        return batch;
    }

    private record Encoded(List<Document> documents, List<int[]> ids) {}
}

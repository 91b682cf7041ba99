package ablation.engine.data;

import ablation.engine.tokenizer.Tokenizer;

/** A tokenizer that dies after some documents, like a process killed during tokenization. */
final class FailingTokenizer implements Tokenizer {
    private final Tokenizer delegate;
    private final int failAfter;
    private int calls;

    FailingTokenizer(Tokenizer delegate, int failAfter) {
        this.delegate = delegate;
        this.failAfter = failAfter;
    }

    @Override
    public synchronized int[] encode(String text) {
        if (++calls > failAfter) throw new IllegalStateException("killed mid-way");
        return delegate.encode(text);
    }

    @Override
    public String decode(int[] ids) {
        return delegate.decode(ids);
    }

    @Override
    public int vocabSize() {
        return delegate.vocabSize();
    }

    @Override
    public int specialId(String token) {
        return delegate.specialId(token);
    }

    @Override
    public boolean hasSpecial(String token) {
        return delegate.hasSpecial(token);
    }

    @Override
    public String sha256() {
        return delegate.sha256();
    }

    @Override
    public void close() {}
}

package fazhi.indexer.index;

/** Progress of an indexing run, for a progress bar; called from one thread. */
public interface IndexProgress {
    IndexProgress NONE = new IndexProgress() {
    };

    /** Indexing starts; {@code expected} is an upper bound of the reports to visit (corpus lines). */
    default void start(long expected) {
    }

    /** One more report visited (indexed or found unchanged). */
    default void advance() {
    }

    /** The run visited {@code reports} reports and is about to commit. */
    default void finish(long reports) {
    }
}

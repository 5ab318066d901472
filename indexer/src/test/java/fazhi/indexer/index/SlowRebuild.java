package fazhi.indexer.index;

import java.nio.file.Path;

/**
 * Child process for {@link IndexingTest}: rebuilds the index of a data directory slowly, announcing progress on
 * stdout, so the test can kill -9 it in the middle of the run.
 */
public final class SlowRebuild {
    private SlowRebuild() {
    }

    public static void main(String[] args) throws Exception {
        new Indexer(Path.of(args[0])).index(true, new IndexProgress() {
            private int done;

            @Override
            public void advance() {
                done++;
                if (done % 50 == 0) {
                    System.out.println("progress " + done);
                    System.out.flush();
                }
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        });
        System.out.println("committed");
    }
}

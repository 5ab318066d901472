package fazhi.core.understand;

/** One understanding for all tests of this package: loading the gazetteer takes most of a second. */
final class Shared {
    static final ReportUnderstanding UNDERSTANDING = new ReportUnderstanding();

    private Shared() {
    }
}

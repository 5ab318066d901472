package fazhi.indexer.analysis;

import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;

/** The two analyzers of the schema: smartcn + user dictionary for ranking, key grams for recall. */
public final class Analyzers {
    private Analyzers() {
    }

    /**
     * SmartChineseAnalyzer's chain (tokenizer → Porter stemming → its default stop set of punctuation) with the
     * tokenizer replaced by {@link DictionaryTokenizer}.
     */
    public static Analyzer ranking(UserDictionary dictionary) {
        return smartcnChain(() -> new DictionaryTokenizer(dictionary));
    }

    /**
     * SmartChineseAnalyzer itself, on {@link SmartcnTokenizer} instead of its {@code HMMChineseTokenizer}: the same
     * tokens, faster (the bench measures both and compares their tokens).
     */
    public static Analyzer smartcn() {
        return smartcnChain(SmartcnTokenizer::new);
    }

    /** SmartChineseAnalyzer's filters (Porter stemming, its default stop set of punctuation) after a tokenizer. */
    private static Analyzer smartcnChain(Supplier<Tokenizer> tokenizers) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = tokenizers.get();
                TokenStream result = new PorterStemFilter(tokenizer);
                result = new StopFilter(result, SmartChineseAnalyzer.getDefaultStopSet());
                return new TokenStreamComponents(tokenizer, result);
            }
        };
    }

    /** Unigrams and stacked bigrams of the phrase key ({@link KeyGramTokenizer}). */
    public static Analyzer keyGrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new KeyGramTokenizer());
            }
        };
    }
}

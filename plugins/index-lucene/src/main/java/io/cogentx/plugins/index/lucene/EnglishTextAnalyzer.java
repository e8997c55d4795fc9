package io.cogentx.plugins.index.lucene;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene's {@link EnglishAnalyzer} chain (Unicode words, possessives, lower case, English stop
 * words, Porter stemming) that also splits words at colons. Unicode word rules keep {@code
 * "field:value"} as one word, so a query written in search-engine syntax would not match text that
 * has the two words.
 */
final class EnglishTextAnalyzer extends Analyzer {

  private static final NormalizeCharMap COLON_TO_SPACE = colonToSpace();

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new MappingCharFilter(COLON_TO_SPACE, reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new LowerCaseFilter(result);
    result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  private static NormalizeCharMap colonToSpace() {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    map.add(":", " ");
    return map.build();
  }
}

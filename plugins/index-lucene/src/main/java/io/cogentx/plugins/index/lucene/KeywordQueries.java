package io.cogentx.plugins.index.lucene;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns user text into a BM25 query without any query syntax: the text goes through the index's
 * analyzer and each resulting term becomes an optional clause, so quotes, {@code *}, {@code :},
 * {@code AND} or unbalanced parentheses are just characters. A term that occurs several times in
 * the query gets a proportionally higher weight.
 */
final class KeywordQueries {

  /** Most distinct terms used from one query (well below Lucene's clause limit of 1024). */
  static final int MAX_TERMS = 256;

  private KeywordQueries() {}

  /** The query for {@code text}, or {@code null} if it has no searchable term. */
  static Query build(Analyzer analyzer, String field, String text) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String t = term.toString();
        if (counts.size() < MAX_TERMS || counts.containsKey(t)) {
          counts.merge(t, 1, Integer::sum);
        }
      }
      tokens.end();
    }
    if (counts.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      Query q = new TermQuery(new Term(field, e.getKey()));
      if (e.getValue() > 1) {
        q = new BoostQuery(q, e.getValue());
      }
      query.add(q, BooleanClause.Occur.SHOULD);
    }
    return query.build();
  }
}

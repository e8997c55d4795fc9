package io.cogentx.bench;

import io.cogentx.retrieval.Retriever;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.util.List;

/** The judged queries of a benchmark and how each is scored. */
interface QuerySet {

  /** Metric names, e.g. {@code ndcg@10}; the first is the one tuned for. */
  List<String> metrics();

  int size();

  /** Scores every query in {@code mode}; see {@link Scores}. */
  Scores score(Retriever retriever, SessionIndex index, SearchMode mode) throws IOException;

  /**
   * @param perQuery {@code perQuery[m][q]}: metric {@code m} of query {@code q}
   * @param millisPerQuery wall-clock time of one search at the product's result size (top 10
   *     chunks), query embedding included
   */
  record Scores(double[][] perQuery, double millisPerQuery) {

    double mean(int metric) {
      double sum = 0;
      for (double v : perQuery[metric]) {
        sum += v;
      }
      return perQuery[metric].length == 0 ? 0 : sum / perQuery[metric].length;
    }
  }
}

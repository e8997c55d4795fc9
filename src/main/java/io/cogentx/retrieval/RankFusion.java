package io.cogentx.retrieval;

import io.cogentx.spi.ScoredChunk;
import java.util.List;

/**
 * Merges the keyword (BM25) and vector rankings of one query into a single ranking, best first,
 * each chunk once (by {@link io.cogentx.spi.Chunk#id()}); the score of a result is the fused score.
 */
public interface RankFusion {

  /**
   * @param keyword keyword hits, best first
   * @param vector vector hits, best first
   */
  List<ScoredChunk> fuse(List<ScoredChunk> keyword, List<ScoredChunk> vector);
}

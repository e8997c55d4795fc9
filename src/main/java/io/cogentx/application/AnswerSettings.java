package io.cogentx.application;

import io.cogentx.answer.AbstentionPolicy;
import io.cogentx.answer.Mismatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of {@code POST /api/v1/ask}, read with MicroProfile Config. The generator plugin reads
 * its own (its base URL, model, context window); the timeouts and the circuit breaker of {@link
 * GeneratorCalls} are set in {@code microprofile-config.properties} from {@code
 * LLM_TIMEOUT_SECONDS} and {@code LLM_BREAKER_DELAY_SECONDS}.
 */
@ApplicationScoped
public class AnswerSettings {

  /** The value of {@code LLM_BACKEND} that answers without any model. */
  public static final String EXTRACTIVE = "extractive";

  private static final Logger LOG = Logger.getLogger(AnswerSettings.class.getName());

  @Inject
  @ConfigProperty(name = "LLM_BACKEND")
  String backend;

  @Inject
  @ConfigProperty(name = "LLM_TIMEOUT_SECONDS")
  long timeoutSeconds;

  @Inject
  @ConfigProperty(name = "ANSWER_MAX_TOKENS", defaultValue = "512")
  int replyTokens;

  @Inject
  @ConfigProperty(name = "ABSTAIN_THRESHOLD", defaultValue = "0.575")
  double abstainThreshold;

  @Inject
  @ConfigProperty(name = "ABSTAIN_COVERAGE_WEIGHT", defaultValue = "0.40")
  double abstainCoverageWeight;

  @Inject
  @ConfigProperty(name = "ABSTAIN_MISMATCHES", defaultValue = "negation,year")
  String abstainMismatches;

  @Inject
  @ConfigProperty(name = "ABSTAIN_MISMATCH_COVERAGE", defaultValue = "0.5")
  double abstainMismatchCoverage;

  @Inject
  @ConfigProperty(name = "ASK_MAX_HISTORY_TURNS", defaultValue = "20")
  int maxHistoryTurns;

  /** A generator plugin's name, or {@code extractive}. */
  public String backend() {
    return backend.strip().toLowerCase(Locale.ROOT);
  }

  /** Longest wait for the model's first piece, and between two pieces. */
  public Duration timeout() {
    return Duration.ofSeconds(timeoutSeconds);
  }

  /** Part of the model's context window kept free for the reply. */
  public int replyTokens() {
    return replyTokens;
  }

  /** The policy from the settings, made on first use. */
  private volatile AbstentionPolicy abstention;

  public AbstentionPolicy abstention() {
    AbstentionPolicy p = abstention;
    if (p == null) {
      p =
          new AbstentionPolicy(
              abstainThreshold,
              abstainCoverageWeight,
              mismatches(abstainMismatches),
              abstainMismatchCoverage);
      abstention = p;
    }
    return p;
  }

  /**
   * The mismatch checks named in {@code names} (comma-separated, any case; {@code none} or empty
   * for none). An unknown name is logged and left out.
   */
  static Set<Mismatch> mismatches(String names) {
    EnumSet<Mismatch> out = EnumSet.noneOf(Mismatch.class);
    for (String name : names.split(",")) {
      String n = name.strip().toUpperCase(Locale.ROOT);
      if (n.isEmpty() || n.equals("NONE")) {
        continue;
      }
      try {
        out.add(Mismatch.valueOf(n));
      } catch (IllegalArgumentException e) {
        LOG.severe(
            "ABSTAIN_MISMATCHES names an unknown check '"
                + name.strip()
                + "', left out; known: negation, year, antonym (or none)");
      }
    }
    return out;
  }

  public int maxHistoryTurns() {
    return maxHistoryTurns;
  }
}

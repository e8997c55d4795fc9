package io.cogentx.application;

import io.cogentx.answer.AbstentionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
  @ConfigProperty(name = "ABSTAIN_THRESHOLD", defaultValue = "0.7125")
  double abstainThreshold;

  @Inject
  @ConfigProperty(name = "ABSTAIN_COVERAGE_WEIGHT", defaultValue = "0.60")
  double abstainCoverageWeight;

  @Inject
  @ConfigProperty(name = "ASK_MAX_HISTORY_TURNS", defaultValue = "20")
  int maxHistoryTurns;

  /** A generator plugin's name, or {@code extractive}. */
  public String backend() {
    return backend.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** Longest wait for the model's first piece, and between two pieces. */
  public Duration timeout() {
    return Duration.ofSeconds(timeoutSeconds);
  }

  /** Part of the model's context window kept free for the reply. */
  public int replyTokens() {
    return replyTokens;
  }

  public AbstentionPolicy abstention() {
    return new AbstentionPolicy(abstainThreshold, abstainCoverageWeight);
  }

  public int maxHistoryTurns() {
    return maxHistoryTurns;
  }
}

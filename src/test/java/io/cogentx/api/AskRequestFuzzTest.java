package io.cogentx.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cogentx.answer.Question;
import io.cogentx.answer.Turn;
import io.cogentx.application.AnswerSettings;
import io.cogentx.application.RetrievalSettings;
import io.cogentx.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the checks of an ask request (question, k, mode, history; the search
 * request shares the first three): any request is a bounded question or a 4xx problem, never
 * another exception.
 */
class AskRequestFuzzTest {

  private final AskResource resource = new AskResource();

  AskRequestFuzzTest() {
    resource.settings =
        new RetrievalSettings() {
          @Override
          public int searchMaxK() {
            return 50;
          }
        };
    resource.answerSettings =
        new AnswerSettings() {
          @Override
          public int maxHistoryTurns() {
            return 20;
          }
        };
  }

  @FuzzTest(maxDuration = "8s")
  void anyRequestIsAQuestionOrAProblem(FuzzedDataProvider data) {
    String question = data.consumeBoolean() ? null : data.consumeString(3000);
    Integer k = data.consumeBoolean() ? null : data.consumeInt();
    String mode = data.consumeBoolean() ? null : data.consumeString(20);
    List<Turn> history = null;
    if (data.consumeBoolean()) {
      history = new ArrayList<>();
      int turns = data.consumeInt(0, 30);
      for (int i = 0; i < turns; i++) {
        history.add(
            data.consumeBoolean()
                ? null
                : new Turn(
                    data.consumeBoolean() ? null : data.consumeString(12),
                    data.consumeBoolean() ? null : data.consumeString(9000)));
      }
    }
    AskResource.AskRequest request =
        data.consumeBoolean() ? null : new AskResource.AskRequest(question, k, mode, history);
    try {
      Question q = resource.validate(request);
      assertThat(q.text())
          .isNotBlank()
          .hasSizeLessThanOrEqualTo(RetrievalParameters.MAX_TEXT_CHARS);
      assertThat(q.k()).isBetween(1, 50);
      assertThat(q.history()).hasSizeLessThanOrEqualTo(20);
    } catch (ProblemException refused) {
      assertThat(refused.problem().status()).isBetween(400, 499);
    }
  }
}

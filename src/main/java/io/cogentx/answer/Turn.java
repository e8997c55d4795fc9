package io.cogentx.answer;

/**
 * A prior turn of the conversation the client sends along with a question.
 *
 * @param role {@code user} or {@code assistant}
 */
public record Turn(String role, String content) {}

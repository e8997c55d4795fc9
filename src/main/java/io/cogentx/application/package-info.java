/**
 * The application services the API calls, one per use case: {@link
 * io.cogentx.application.IngestService} (adding documents), {@link
 * io.cogentx.application.DocumentService} (a session's documents, files and search), {@link
 * io.cogentx.application.AnswerService} (questions); with the plugins in use ({@link
 * io.cogentx.application.PluginRuntime}), the retrieval machinery built at start, the settings read
 * with MicroProfile Config, and {@link io.cogentx.application.Failures}, the one description of
 * what went wrong. The logic they orchestrate is in the domain packages.
 */
package io.cogentx.application;

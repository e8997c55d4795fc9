package io.cogentx.api;

import io.cogentx.application.IngestService;
import io.cogentx.jobs.Job;
import io.cogentx.jobs.JobEventStream;
import io.cogentx.jobs.JobState;
import io.cogentx.jobs.JobView;
import io.cogentx.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's upload jobs: their progress (JSON or a live event stream) and cancelling them. */
@Path("jobs")
@SessionBound
@Tag(name = "Jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

  /** How long a cancel waits for a running job to stop at its next page or batch. */
  private static final long CANCEL_WAIT_SECONDS = 10;

  /** This session's jobs, newest first. */
  public record JobList(List<JobView> jobs) {}

  @Inject CurrentSession current;
  @Inject IngestService jobs;

  @GET
  @Operation(summary = "This session's upload jobs, newest first")
  public JobList listJobs() {
    return new JobList(jobs.list(current.get()));
  }

  @GET
  @Path("{id}")
  @SessionQueryParameter
  @Operation(summary = "One upload job: state, stage and progress")
  @Parameter(
      name = SessionQueryParameter.NAME,
      in = ParameterIn.QUERY,
      description = SessionQueryParameter.DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, format = "uuid"))
  @APIResponse(
      responseCode = "200",
      description = "The job",
      content = @Content(schema = @Schema(implementation = JobView.class)))
  public JobView getJob(@PathParam("id") String id) {
    return job(id).view();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Cancel a queued or running upload job",
      description =
          "A running job stops at its next page or embedding batch (the call waits briefly for"
              + " that); the document is not added.")
  @APIResponse(responseCode = "204", description = "Cancelled")
  @APIResponse(responseCode = "409", description = "The job had already ended")
  public void cancelJob(@PathParam("id") String id, @Suspended AsyncResponse response) {
    Job job = job(id);
    if (job.state().ended()) {
      throw alreadyEnded(job);
    }
    jobs.cancel(job);
    // answer once it has stopped (or after a while: it stops at its next page or batch anyway)
    response.setTimeoutHandler(r -> r.resume(Response.noContent().build()));
    response.setTimeout(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
    job.end()
        .whenCompleteAsync(
            (ended, failure) -> {
              if (job.state() == JobState.SUCCEEDED) {
                response.resume(alreadyEnded(job)); // finished before it could be stopped
              } else {
                response.resume(Response.noContent().build());
              }
            },
            jobs.executor());
  }

  @GET
  @Path("{id}/events")
  @SessionQueryParameter
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Live progress of an upload job (server-sent events)",
      description =
          "event: progress with the job JSON at once and on every change; when the job ends one"
              + " event: done with the final job JSON, then the stream closes. EventSource cannot"
              + " send headers: pass ?session_id=<your session id>.")
  @Parameter(
      name = SessionQueryParameter.NAME,
      in = ParameterIn.QUERY,
      description = SessionQueryParameter.DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, format = "uuid"))
  @APIResponse(
      responseCode = "200",
      description = "The event stream",
      content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
  public void jobEvents(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
    Job job = job(id);
    JobEventStream.start(
        job,
        new JobEventStream.Client() {
          @Override
          public CompletionStage<?> send(String event, JobView view) {
            return sink.send(
                sse.newEventBuilder()
                    .name(event)
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, JsonConfig.write(view))
                    .build());
          }

          @Override
          public void close() {
            sink.close();
          }
        },
        jobs.executor());
  }

  private Job job(String id) {
    return jobs.find(current.get(), id)
        .orElseThrow(
            () ->
                ProblemType.NOT_FOUND.exception(
                    "This session has no upload job with id '"
                        + (id.length() > 40 ? id.substring(0, 40) + "…" : id)
                        + "'. GET /api/v1/jobs lists them."));
  }

  private static RuntimeException alreadyEnded(Job job) {
    return ProblemType.JOB_ENDED.exception(
        "This upload job has already ended ("
            + job.state().json()
            + "). To remove its document, DELETE /api/v1/documents/{id}.");
  }
}

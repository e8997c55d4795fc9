package io.cogentx.jobs;

import io.cogentx.problem.Problem;
import io.cogentx.session.Session;
import io.cogentx.spi.PendingJob;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Uploads recorded in the session store from the moment they are taken until their job ends, so
 * that one a crash or stop interrupted is reported as failed when its session is next used, not
 * silently lost.
 */
final class PendingJobs {

  private static final Logger LOG = Logger.getLogger(PendingJobs.class.getName());

  private PendingJobs() {}

  static void record(Job job) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    String fileName = job.view().fileName();
    String title = job.view().title();
    if (fileName != null) {
      json.add("file_name", fileName);
    }
    if (title != null) {
      json.add("title", title);
    }
    try {
      job.session()
          .stored()
          .jobQueued(new PendingJob(job.id(), job.createdAt(), json.build().toString()));
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "Session " + job.session().hash() + ": upload not recorded");
    }
  }

  static void forget(Job job) {
    try {
      job.session().stored().jobEnded(job.id());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Session " + job.session().hash() + ": upload record kept");
    }
  }

  /** The uploads an earlier run left unfinished, as failed jobs; their records are removed. */
  static List<Job> interrupted(
      Session session, Function<Throwable, Problem> problems, Clock clock) {
    List<Job> jobs = new ArrayList<>();
    try {
      for (PendingJob pending : session.stored().pendingJobs()) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(pending.metadata()))) {
          json = reader.readObject();
        }
        Problem why =
            problems.apply(new UploadInterruptedException()).at("/api/v1/jobs/" + pending.id());
        jobs.add(
            Job.interrupted(
                pending.id(),
                session,
                string(json, "file_name"),
                string(json, "title"),
                pending.createdAt(),
                why,
                clock));
        session.stored().jobEnded(pending.id());
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Session " + session.hash() + ": unfinished uploads unread");
    }
    return jobs;
  }

  private static String string(JsonObject json, String key) {
    return json.get(key) instanceof JsonString s ? s.getString() : null;
  }
}

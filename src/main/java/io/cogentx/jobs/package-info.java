/**
 * Background ingestion: an upload is stored, becomes a {@link io.cogentx.jobs.Job}, waits its turn
 * in a bounded, fair {@link io.cogentx.jobs.IngestQueue} and runs on the server's managed executor,
 * reporting its stage and progress to pollers and server-sent-event streams.
 */
package io.cogentx.jobs;

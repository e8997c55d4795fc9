// The Cogent-X REST API as the page uses it. Every call carries X-Session-Id and adopts the id the server answers
// with; every error becomes an ApiError holding the RFC 9457 problem (title + detail a person can act on).

import { SESSION_HEADER } from "./session.js";
import { readEventStream } from "./sse.js";

/** A failed call: `problem` is the server's problem+json, or one made up for network failures. */
export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.problem = problem;
    this.status = problem.status ?? 0;
  }
}

export function networkProblem(what) {
  return {
    type: "urn:cogentx:problem:client-network",
    title: "Server unreachable",
    status: 0,
    detail: `${what} did not reach the server. Check your connection and try again.`,
  };
}

/** Reads a problem+json (or any error) body into a problem object. */
export async function problemOf(response) {
  const fallback = {
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: statusHint(response.status),
  };
  const type = response.headers.get("Content-Type") || "";
  if (!type.includes("json")) return fallback;
  try {
    const body = await response.json();
    return { ...fallback, ...body, status: body.status ?? response.status };
  } catch {
    return fallback;
  }
}

export function problemFromText(status, contentType, text) {
  const fallback = { title: `HTTP ${status}`, status, detail: statusHint(status) };
  if (!(contentType || "").includes("json")) return fallback;
  try {
    const body = JSON.parse(text);
    return { ...fallback, ...body, status: body.status ?? status };
  } catch {
    return fallback;
  }
}

function statusHint(status) {
  if (status === 413) return "The file is larger than the server accepts.";
  if (status === 404) return "The server does not offer this.";
  if (status >= 500) return "The server could not do this right now. Try again in a moment.";
  return "The request was refused.";
}

export class Api {
  constructor(baseUrl, session) {
    this.baseUrl = (baseUrl || "").replace(/\/+$/, "");
    this.session = session;
  }

  url(path) {
    return this.baseUrl + path;
  }

  /** A call in this page's session, or in `sessionId` (another session of this browser, e.g. to delete it). */
  async request(path, { method = "GET", body, headers = {}, signal, sessionId } = {}) {
    const init = { method, headers: { [SESSION_HEADER]: sessionId ?? this.session.id, ...headers }, signal };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      init.headers["Content-Type"] ??= "application/json";
    }
    let response;
    try {
      response = await fetch(this.url(path), init);
    } catch (e) {
      if (e.name === "AbortError") throw e;
      throw new ApiError(networkProblem(`${method} ${path}`));
    }
    if (!sessionId) this.session.adopt(response.headers.get(SESSION_HEADER));
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  }

  async json(path, options) {
    const response = await this.request(path, { ...options, headers: { Accept: "application/json", ...options?.headers } });
    return response.status === 204 ? null : response.json();
  }

  sessionInfo() {
    return this.json("/api/v1/session/info");
  }

  documents() {
    return this.json("/api/v1/documents");
  }

  plugins() {
    return this.json("/api/v1/plugins");
  }

  deleteDocument(id) {
    return this.json(`/api/v1/documents/${encodeURIComponent(id)}`, { method: "DELETE" });
  }

  /** Deletes this session's data, or that of `sessionId`. */
  deleteSession(sessionId) {
    return this.json("/api/v1/session", { method: "DELETE", sessionId });
  }

  /** The URL of a document's original file (GET /api/v1/documents/{id}/content, range requests). */
  contentUrl(id) {
    return this.url(`/api/v1/documents/${encodeURIComponent(id)}/content`);
  }

  /** Whether this server serves the original files: a HEAD of one document's content answers 2xx. */
  async hasContent(id) {
    try {
      const response = await fetch(this.contentUrl(id), { method: "HEAD", headers: { [SESSION_HEADER]: this.session.id } });
      return response.ok;
    } catch {
      return false;
    }
  }

  job(id) {
    return this.json(`/api/v1/jobs/${encodeURIComponent(id)}`);
  }

  cancelJob(id) {
    return this.json(`/api/v1/jobs/${encodeURIComponent(id)}`, { method: "DELETE" });
  }

  /**
   * Uploads one file with XMLHttpRequest (fetch has no upload progress). Resolves {status, body}:
   * 201 + DocumentInfo (indexed at once) or 202 + Job (indexing goes on; follow its events).
   */
  upload(file, { title, password, onProgress, onSent, signal } = {}) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", this.url("/api/v1/documents"));
      xhr.setRequestHeader(SESSION_HEADER, this.session.id);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.addEventListener("progress", (e) => {
        if (e.lengthComputable) onProgress?.(e.loaded, e.total);
      });
      xhr.upload.addEventListener("load", () => onSent?.());
      xhr.addEventListener("load", () => {
        this.session.adopt(xhr.getResponseHeader(SESSION_HEADER));
        const contentType = xhr.getResponseHeader("Content-Type");
        if (xhr.status === 201 || xhr.status === 202) {
          try {
            resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
          } catch {
            reject(new ApiError(problemFromText(xhr.status, "", "")));
          }
        } else {
          reject(new ApiError(problemFromText(xhr.status, contentType, xhr.responseText)));
        }
      });
      xhr.addEventListener("error", () => reject(new ApiError(networkProblem(`The upload of ${file.name}`))));
      xhr.addEventListener("abort", () => reject(new DOMException("Upload cancelled", "AbortError")));
      signal?.addEventListener("abort", () => xhr.abort(), { once: true });
      const form = new FormData();
      form.append("file", file, file.name);
      if (title) form.append("title", title);
      if (password) form.append("password", password);
      xhr.send(form);
    });
  }

  /**
   * Follows a job's progress over SSE (GET /api/v1/jobs/{id}/events). EventSource cannot send headers, so the
   * session id goes in the query. Calls onProgress(job) on each change; resolves with the final job.
   */
  followJob(jobId, { onProgress, signal } = {}) {
    const url = this.url(
      `/api/v1/jobs/${encodeURIComponent(jobId)}/events?session_id=${encodeURIComponent(this.session.id)}`,
    );
    return new Promise((resolve, reject) => {
      const source = new EventSource(url);
      let settled = false;
      const finish = (fn, value) => {
        if (settled) return;
        settled = true;
        source.close();
        fn(value);
      };
      source.addEventListener("progress", (e) => onProgress?.(JSON.parse(e.data)));
      source.addEventListener("done", (e) => finish(resolve, JSON.parse(e.data)));
      source.addEventListener("error", () => {
        if (settled || source.readyState !== EventSource.CLOSED) return; // EventSource reconnects by itself
        // The stream could not be opened (e.g. a proxy that drops it): poll the job instead.
        this.pollJob(jobId, { onProgress, signal }).then(
          (job) => finish(resolve, job),
          (err) => finish(reject, err),
        );
      });
      signal?.addEventListener("abort", () => finish(reject, new DOMException("Cancelled", "AbortError")), { once: true });
    });
  }

  /** Polls GET /api/v1/jobs/{id} once a second until the job ends. */
  async pollJob(jobId, { onProgress, signal } = {}) {
    for (;;) {
      const job = await this.job(jobId);
      if (isFinished(job)) return job;
      onProgress?.(job);
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, 1000);
        signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(new DOMException("Cancelled", "AbortError"));
        }, { once: true });
      });
    }
  }

  /**
   * Asks a question (POST /api/v1/ask) and streams the answer: handlers.sources(payload), handlers.token(text),
   * handlers.done(payload). A server that answers JSON instead is handled too. Throws ApiError on a problem.
   */
  async ask(question, history, handlers, signal) {
    const response = await this.request("/api/v1/ask", {
      method: "POST",
      body: { question, history },
      headers: { Accept: "text/event-stream, application/json;q=0.5" },
      signal,
    });
    const type = response.headers.get("Content-Type") || "";
    if (!type.includes("text/event-stream")) {
      const body = await response.json();
      handlers.sources?.({ sources: body.sources ?? [], abstained: body.abstained, backend: body.backend });
      handlers.token?.(body.answer ?? "");
      handlers.done?.({ ...body, citations: (body.citations ?? []).map((c) => (typeof c === "object" ? c.n : c)) });
      return;
    }
    let finished = false;
    for await (const { event, data } of readEventStream(response.body, signal)) {
      const payload = JSON.parse(data);
      if (event === "sources") handlers.sources?.(payload);
      else if (event === "token") handlers.token?.(payload.text ?? "");
      else if (event === "done") {
        finished = true;
        handlers.done?.(payload);
      } else if (event === "error") {
        throw new ApiError(payload);
      }
    }
    if (!finished && !signal?.aborted) {
      throw new ApiError({
        type: "urn:cogentx:problem:client-interrupted",
        title: "Answer interrupted",
        status: 0,
        detail: "The connection closed before the answer was complete. Ask again.",
      });
    }
  }
}

export function isFinished(job) {
  return job && ["succeeded", "failed", "cancelled"].includes(job.state);
}

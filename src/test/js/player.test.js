// Unit tests of the recording player's pure parts (node --test; run by WebappModulesTest).
import assert from "node:assert/strict";
import { test } from "node:test";
import { isTimed, isVideo, mediaUrl } from "../../../webapp/js/player.js";

test("the recording is asked for with the session in the query and the start as a media fragment", () => {
  assert.equal(
    mediaUrl("", "abc123", "0f8e-1", 7.8),
    "/api/v1/documents/abc123/content?session_id=0f8e-1#t=7",
  );
  assert.equal(mediaUrl("http://h:8000", "a b", "s", 0), "http://h:8000/api/v1/documents/a%20b/content?session_id=s#t=0");
});

test("videos play in a video element, everything else as audio; only timed sources play", () => {
  assert.equal(isVideo("talk.mp4"), true);
  assert.equal(isVideo("screen.WEBM"), true);
  assert.equal(isVideo("jfk.wav"), false);
  assert.equal(isTimed({ document_id: "d", start_seconds: 0 }), true);
  assert.equal(isTimed({ document_id: "d", page: 3 }), false);
});

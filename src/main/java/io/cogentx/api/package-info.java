/**
 * The HTTP API under {@code /api/v1}: thin JAX-RS resources, the filters that resolve a request's
 * session and check the admin credential, and JSON settings. Logic lives in the packages the
 * resources call.
 */
package io.cogentx.api;

/**
 * RFC 9457 problem details: every error the API returns is {@code application/problem+json} with a
 * type, a title and a detail a person can act on — never a stack trace.
 */
package io.cogentx.api.problem;

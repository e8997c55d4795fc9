/**
 * The problems users are shown (RFC 9457 problem details): their kinds and values, without any
 * transport. Domain code raises them; the API writes them as {@code application/problem+json} and
 * into event streams.
 */
package io.cogentx.problem;

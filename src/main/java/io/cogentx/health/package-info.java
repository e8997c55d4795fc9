/**
 * MicroProfile Health checks: what makes the server live, started and ready, and what is only
 * reported.
 */
package io.cogentx.health;

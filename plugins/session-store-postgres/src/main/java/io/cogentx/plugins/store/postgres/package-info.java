/**
 * Session store {@code postgres}: PostgreSQL as the system of record of every server sharing it;
 * schema by Flyway, vectors kept so any server rebuilds a session's index without embedding again.
 */
package io.cogentx.plugins.store.postgres;

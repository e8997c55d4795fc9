/**
 * Session store {@code disk}: each session in a directory of its own under {@code
 * VECTOR_DB_DIRECTORY}, named by the SHA-256 of its id; every record written atomically (a
 * temporary file, fsync, rename, fsync of the directory), optionally encrypted with AES-GCM under a
 * key derived from the session id.
 */
package io.cogentx.plugins.store.disk;

/** Session store {@code memory}: sessions for the life of the server process. */
package io.cogentx.plugins.store.memory;

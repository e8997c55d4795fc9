/**
 * Anonymous sessions: ids, the in-memory store with inactivity expiry, and the EJB that owns it.
 * Everything a session holds (its index, later its files) is attached to its {@link
 * io.cogentx.session.Session} and released when the session ends.
 */
package io.cogentx.session;

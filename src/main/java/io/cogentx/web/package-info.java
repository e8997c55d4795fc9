/**
 * The browser UI's delivery by Liberty: the static files of {@code webapp/} (packaged at the WAR's
 * root) get the same security and caching headers that nginx sets in the Docker deployment.
 */
package io.cogentx.web;

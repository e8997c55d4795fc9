/**
 * Integration tests: run by failsafe against the real Liberty server that liberty-maven-plugin
 * starts in pre-integration-test (see server.pom.xml for its settings).
 */
package io.cogentx.it;

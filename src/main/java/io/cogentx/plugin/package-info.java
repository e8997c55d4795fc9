/**
 * How the server finds its plugins: every kind of the SPI ({@link io.cogentx.plugin.PluginKind}),
 * built in or dropped into the plugins directory, each jar in a class loader of its own. Plain
 * Java; the application layer creates the configured ones.
 */
package io.cogentx.plugin;

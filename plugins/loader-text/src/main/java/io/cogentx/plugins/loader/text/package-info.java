/**
 * Document loaders for plain text ({@code text}) and Markdown ({@code markdown}): charset detection
 * with a Windows-1252 fallback, binary rejection, and one segment per paragraph or Markdown block.
 */
package io.cogentx.plugins.loader.text;

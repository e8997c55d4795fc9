package com.example.shared;

/**
 * A library the server has, for PluginCatalogTest: a plugin jar carries another version of this
 * class, and each side must see its own.
 */
public final class Library {

  private Library() {}

  public static String copy() {
    return "the server's copy";
  }
}

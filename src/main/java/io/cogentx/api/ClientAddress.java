package io.cogentx.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a request comes from, for per-client limits: the connection's address, or — when that is a
 * trusted proxy — the address the proxies recorded in {@code X-Forwarded-For}, read from the right
 * (the nearest proxy) past every trusted one. What a client writes into the header itself lies to
 * the left of what a trusted proxy appended, so it is never believed. IPv6 clients are counted by
 * their /64 network, as one host usually has a whole /64 to choose addresses from.
 */
final class ClientAddress {

  private static final int MAX_KEY = 64;

  private ClientAddress() {}

  /**
   * @param remote the connection's peer address
   * @param forwardedFor every {@code X-Forwarded-For} header value, in order
   */
  static String of(String remote, List<String> forwardedFor, TrustedProxies trusted) {
    String client = remote == null ? "unknown" : remote;
    if (trusted.contains(client) && forwardedFor != null) {
      List<String> hops = new ArrayList<>();
      for (String header : forwardedFor) {
        for (String hop : header.split(",")) {
          if (!hop.isBlank()) {
            hops.add(hop.strip());
          }
        }
      }
      for (int i = hops.size() - 1; i >= 0; i--) {
        client = hops.get(i);
        if (!trusted.contains(client)) {
          break;
        }
      }
    }
    return key(client);
  }

  /** The counting key: the address, or the /64 network of an IPv6 address. */
  static String key(String address) {
    Optional<InetAddress> parsed = TrustedProxies.literal(address);
    if (parsed.isEmpty()) {
      return address.length() > MAX_KEY ? address.substring(0, MAX_KEY) : address;
    }
    InetAddress a = parsed.get();
    if (a instanceof Inet6Address) {
      byte[] b = a.getAddress();
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
      }
      return s.append(":/64").toString();
    }
    return a.getHostAddress();
  }
}

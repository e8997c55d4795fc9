package io.cogentx.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXIES}): addresses and
 * networks in CIDR form, IPv4 or IPv6, comma-separated. Only literal addresses are read, so parsing
 * never looks a name up.
 */
final class TrustedProxies {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private record Network(byte[] address, int prefix) {
    boolean contains(byte[] other) {
      if (other.length != address.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != other[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (other[full] & mask);
    }
  }

  private final List<Network> networks;

  private TrustedProxies(List<Network> networks) {
    this.networks = List.copyOf(networks);
  }

  /**
   * Reads a comma-separated list such as {@code 127.0.0.0/8, ::1, 10.0.0.5}.
   *
   * @throws IllegalArgumentException naming an entry that is not an address or network
   */
  static TrustedProxies parse(String list) {
    List<Network> networks = new ArrayList<>();
    for (String entry : list == null ? new String[0] : list.split(",")) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      int slash = e.indexOf('/');
      String host = slash < 0 ? e : e.substring(0, slash);
      byte[] address =
          literal(host)
              .orElseThrow(
                  () -> new IllegalArgumentException("TRUSTED_PROXIES: not an address: " + e))
              .getAddress();
      int prefix = address.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(e.substring(slash + 1));
        } catch (NumberFormatException ex) {
          throw new IllegalArgumentException("TRUSTED_PROXIES: bad prefix: " + e, ex);
        }
        if (prefix < 0 || prefix > address.length * 8) {
          throw new IllegalArgumentException("TRUSTED_PROXIES: bad prefix: " + e);
        }
      }
      networks.add(new Network(address, prefix));
    }
    return new TrustedProxies(networks);
  }

  boolean isEmpty() {
    return networks.isEmpty();
  }

  /** Whether this address (a literal) is one of the trusted proxies. */
  boolean contains(String address) {
    Optional<InetAddress> parsed = literal(address);
    if (parsed.isEmpty()) {
      return false;
    }
    byte[] bytes = parsed.get().getAddress();
    return networks.stream().anyMatch(n -> n.contains(bytes));
  }

  /** An IP address written as a literal (IPv6 possibly in brackets); never a name lookup. */
  static Optional<InetAddress> literal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.isEmpty()
        || t.length() > 45
        || !(IPV4.matcher(t).matches() || IPV6.matcher(t).matches())) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(t)); // a literal: no lookup
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}

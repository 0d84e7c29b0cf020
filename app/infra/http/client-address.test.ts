import { describe, expect, it } from "vitest";
import { clientAddressFrom, normalizeAddress } from "./client-address";

describe("clientAddressFrom", () => {
  it("counts trusted hops from the right; the leftmost entry (the client's own) is never taken when there are enough hops", () => {
    const header = "6.6.6.6, 203.0.113.9, 10.0.0.1, 127.0.0.1";
    expect(clientAddressFrom(header, 0)).toBe("127.0.0.1");
    expect(clientAddressFrom(header, 1)).toBe("10.0.0.1");
    expect(clientAddressFrom(header, 2)).toBe("203.0.113.9");
    // More hops than entries: the first trusted proxy was reached directly.
    expect(clientAddressFrom("203.0.113.9", 3)).toBe("203.0.113.9");
  });

  it("turns anything that is not an address into one shared key, and normalizes forms of one address", () => {
    expect(clientAddressFrom("evil, <script>", 0)).toBe("unknown");
    expect(clientAddressFrom("", 0)).toBe("unknown");
    expect(clientAddressFrom(null, 0)).toBe("unknown");
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.9:5000")).toBe("203.0.113.9");
  });
});

import { describe, expect, it } from "vitest";
import { safeImageUrl, safeLinkUrl } from "./safe-url";

const origin = "https://shop.example";

describe("link allow-list", () => {
  it("allows the shop's own origin and Shopify's CDN", () => {
    expect(safeLinkUrl("/products/tee", origin)).toBe("https://shop.example/products/tee");
    expect(safeLinkUrl("https://shop.example/pages/faq", origin)).toBe("https://shop.example/pages/faq");
    expect(safeLinkUrl("https://cdn.shopify.com/s/files/1/a.pdf", origin)).toBe("https://cdn.shopify.com/s/files/1/a.pdf");
  });

  it("refuses everything else", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "https://evil.example/products/tee",
      "//evil.example/x",
      "https://shop.example.evil.example/",
      "http://cdn.shopify.com/x",
      "https://cdn.shopify.com.evil.example/x",
      "",
      null,
      42,
    ]) {
      expect(safeLinkUrl(url, origin), String(url)).toBeNull();
    }
  });
});

describe("image allow-list", () => {
  it("allows data images for the demo store, plus link-safe URLs", () => {
    expect(safeImageUrl("data:image/png;base64,iVBOR", origin)).toBe("data:image/png;base64,iVBOR");
    expect(safeImageUrl("https://cdn.shopify.com/s/files/tee.jpg", origin)).toBe("https://cdn.shopify.com/s/files/tee.jpg");
    expect(safeImageUrl("https://tracker.example/pixel.gif", origin)).toBeNull();
    expect(safeImageUrl("data:text/html,hi", origin)).toBeNull();
  });
});

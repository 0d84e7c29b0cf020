// Links and images in the chat come from model, product and order data, so none is
// trusted: a link is rendered only when it resolves to the shop's own origin or to
// Shopify's CDN, otherwise the caller shows plain text.

const SHOPIFY_CDN = "https://cdn.shopify.com";

function resolve(raw: unknown, origin: string): URL | null {
  if (typeof raw !== "string" || !raw.trim()) return null;
  try {
    return new URL(raw.trim(), origin);
  } catch {
    return null;
  }
}

/** The absolute URL when it may be a link target, otherwise null. */
export function safeLinkUrl(raw: unknown, origin: string): string | null {
  const url = resolve(raw, origin);
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) return null;
  return url.origin === origin || url.origin === SHOPIFY_CDN ? url.href : null;
}

/** Like safeLinkUrl, plus inline data: images (the demo store uses them). */
export function safeImageUrl(raw: unknown, origin: string): string | null {
  if (typeof raw === "string" && /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(raw)) return raw;
  return safeLinkUrl(raw, origin);
}

// Renders the assistant's cards (app/assistant/cards.ts shapes). Every field is
// untrusted: text goes in as text, links and images pass the allow-list or are dropped.
import { el, uid } from "./dom";
import { safeImageUrl, safeLinkUrl } from "./safe-url";
import type { Translate } from "./strings";
import {
  obj,
  type UncheckedImage,
  type UncheckedMoney,
  type UncheckedOrder,
  type UncheckedOrderItem,
  type UncheckedPolicy,
  type UncheckedProduct,
  type UncheckedTracking,
} from "./wire";

export interface CardContext {
  t: Translate;
  origin: string;
  locale: string;
  /** The storefront's locale root without a trailing slash ("" on the primary locale, "/de", "/de-ch"). */
  root: string;
  addToCart(variantId: string): Promise<boolean>;
}

const str = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const list = <T extends object>(value: unknown): T[] => (Array.isArray(value) ? value.filter((x) => x && typeof x === "object") : []);

/** A shop path ("/products/x") below the storefront's locale root ("/de/products/x"); anything else as it is. */
const below = (url: unknown, root: string) => (typeof url == "string" && /^\/(?!\/)/.test(url) ? root + url : url);

/** A link when the URL is allowed, otherwise the same text without a link. */
function linkOrText(text: string, url: unknown, origin: string): Node {
  const href = safeLinkUrl(url, origin);
  return href ? el("a", { href, rel: "noopener" }, text) : document.createTextNode(text);
}

export function formatMoney(money: unknown, locale: string): string {
  const m = obj<UncheckedMoney>(money);
  const amount = Number(m.amount);
  try {
    return new Intl.NumberFormat(locale || undefined, { style: "currency", currency: str(m.currencyCode) }).format(amount);
  } catch {
    return `${str(m.amount)} ${str(m.currencyCode)}`.trim();
  }
}

function productCard(card: UncheckedProduct, ctx: CardContext): HTMLElement {
  const { t } = ctx;
  const titleId = uid("product");
  const picture = obj<UncheckedImage>(card.image);
  const image = safeImageUrl(picture.url, ctx.origin);
  const status = el("p", { class: "sa-card-status", role: "status" });
  const add = el(
    "button",
    { type: "button", class: "sa-button", "aria-describedby": titleId, disabled: !card.available },
    t("add_to_cart"),
  );
  add.addEventListener("click", async () => {
    add.disabled = true;
    const ok = await ctx.addToCart(str(card.variantId));
    status.textContent = t(ok ? "added" : "add_failed");
    add.disabled = false;
  });
  return el(
    "article",
    { class: "sa-card sa-product" },
    image && el("img", { src: image, alt: str(picture.alt), width: 64, height: 64, loading: "lazy" }),
    el("h3", { id: titleId }, linkOrText(str(card.title), below(card.url, ctx.root), ctx.origin)),
    el("p", {}, formatMoney(card.price, ctx.locale), " · ", t(card.available ? "in_stock" : "sold_out")),
    add,
    status,
  );
}

function orderCard(card: UncheckedOrder, ctx: CardContext): HTMLElement {
  const { t } = ctx;
  const tracking = list<UncheckedTracking>(card.tracking).map((item) =>
    el("li", {}, str(item.company), " ", linkOrText(str(item.number) || t("tracking"), item.url, ctx.origin)),
  );
  return el(
    "article",
    { class: "sa-card sa-order" },
    el("h3", {}, `${t("order")} ${str(card.name)}`),
    el("p", {}, `${t("status")}: ${str(card.status)}`),
    el("p", {}, `${t("items")}:`),
    el("ul", {}, ...list<UncheckedOrderItem>(card.items).map((item) => el("li", {}, `${str(item.quantity)} × ${str(item.title)}`))),
    tracking.length > 0 && el("p", {}, `${t("tracking")}:`),
    tracking.length > 0 && el("ul", {}, ...tracking),
    !!card.total && el("p", {}, `${t("total")}: ${formatMoney(card.total, ctx.locale)}`),
  );
}

function policyCard(card: UncheckedPolicy, ctx: CardContext): HTMLElement {
  return el(
    "article",
    { class: "sa-card sa-policy" },
    el("h3", {}, linkOrText(str(card.title), below(card.url, ctx.root), ctx.origin)),
    !!str(card.excerpt) && el("p", {}, str(card.excerpt)),
  );
}

/** The card's element, or null for an unknown kind (newer server, older widget). */
export function renderCard(card: unknown, ctx: CardContext): HTMLElement | null {
  const data = obj<{ kind?: unknown }>(card);
  if (data.kind === "product") return productCard(data as UncheckedProduct, ctx);
  if (data.kind === "order") return orderCard(data as UncheckedOrder, ctx);
  if (data.kind === "policy") return policyCard(data as UncheckedPolicy, ctx);
  return null;
}

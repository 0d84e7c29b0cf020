// The demo theme's templates: index, collection, product, cart, policy, customer
// login and account. Plain TS templates; every store string goes through esc(),
// because the fixture deliberately holds hostile product titles.
import type { DemoCollection, DemoCustomer, DemoPolicy, DemoProduct } from "../store/store-types";
import { formatMoney } from "./store-catalog";
import { esc } from "./theme-layout";

type Href = (path: string) => string;

function productCard(product: DemoProduct, currency: string, href: Href, eager: boolean): string {
  const image = product.images[0];
  const variant = product.variants[0];
  const available = product.variants.some((v) => v.availableForSale);
  const img = image
    ? `<img src="${esc(image.url)}" alt="${esc(image.altText)}" width="${image.width}" height="${image.height}" ${eager ? 'fetchpriority="high"' : 'loading="lazy"'} decoding="async">`
    : "";
  return `<li class="card"><a href="${esc(href(`/products/${product.handle}`))}">${img}<div class="info">
<div class="title">${esc(product.title)}</div>
<div class="price">${variant ? esc(formatMoney(variant.price, currency)) : ""}${available ? "" : ' <span class="sold-out">Sold out</span>'}</div>
</div></a></li>`;
}

export function productGrid(products: DemoProduct[], currency: string, href: Href, eagerCount = 4): string {
  return `<ul class="grid">${products.map((p, i) => productCard(p, currency, href, i < eagerCount)).join("")}</ul>`;
}

export function homeContent(
  shopName: string,
  description: string,
  collections: DemoCollection[],
  featured: DemoProduct[],
  currency: string,
  href: Href,
): string {
  const links = collections.map((c) => `<li><a href="${esc(href(`/collections/${c.handle}`))}">${esc(c.title)}</a></li>`).join("");
  return `<section class="hero"><h1>${esc(shopName)}</h1><p>${esc(description)}</p>
<p><a class="button" href="${esc(href("/collections/all"))}">Shop all products</a></p></section>
<h2>Collections</h2><ul>${links}</ul>
<h2>Featured products</h2>${productGrid(featured, currency, href)}`;
}

export function collectionContent(collection: DemoCollection, products: DemoProduct[], currency: string, href: Href): string {
  return `<h1>${esc(collection.title)}</h1>${collection.description ? `<p>${esc(collection.description)}</p>` : ""}
${productGrid(products, currency, href, 8)}`;
}

export function productContent(product: DemoProduct, currency: string, href: Href, selectedVariantId: number | null): string {
  const image = product.images[0];
  const selected =
    product.variants.find((v) => v.legacyId === selectedVariantId) ??
    product.variants.find((v) => v.availableForSale) ??
    product.variants[0];
  const options = product.variants
    .map(
      (v) =>
        `<option value="${v.legacyId}"${v === selected ? " selected" : ""}${v.availableForSale ? "" : " disabled"}>${esc(v.title)} – ${esc(formatMoney(v.price, currency))}${v.availableForSale ? "" : " (sold out)"}</option>`,
    )
    .join("");
  const variantPicker =
    product.variants.length > 1
      ? `<p><label for="variant">Option</label><br><select id="variant" name="id">${options}</select></p>`
      : `<input type="hidden" name="id" value="${selected?.legacyId ?? ""}">`;
  const img = image
    ? `<img src="${esc(image.url)}" alt="${esc(image.altText)}" width="${image.width}" height="${image.height}" fetchpriority="high">`
    : "";
  return `<div class="product" data-product-id="${product.legacyId}"><div>${img}</div><div>
<h1>${esc(product.title)}</h1>
<p class="price">${selected ? esc(formatMoney(selected.price, currency)) : ""}</p>
<form method="post" action="${esc(href("/cart/add"))}">${variantPicker}
<p><label for="quantity">Quantity</label><br><input id="quantity" name="quantity" type="number" min="1" value="1" style="width:80px"></p>
<button type="submit"${selected?.availableForSale ? "" : " disabled"}>${selected?.availableForSale ? "Add to cart" : "Sold out"}</button>
</form>
<div class="description">${esc(product.description)}</div>
<p>Vendor: ${esc(product.vendor)} · Type: ${esc(product.productType)}</p>
</div></div>`;
}

export function cartContent(cart: { items: Record<string, unknown>[]; total_price: number }, currency: string, href: Href): string {
  if (cart.items.length === 0)
    return `<h1>Your cart</h1><p>Your cart is empty. <a href="${esc(href("/collections/all"))}">Continue shopping</a></p>`;
  const rows = cart.items
    .map(
      (i) =>
        `<tr><td><a href="${esc(href(String(i.url)))}">${esc(i.title)}</a></td><td>${esc(i.quantity)}</td><td>${esc(formatMoney(Number(i.line_price) / 100, currency))}</td></tr>`,
    )
    .join("");
  return `<h1>Your cart</h1><table class="cart"><thead><tr><th>Product</th><th>Quantity</th><th>Total</th></tr></thead><tbody>${rows}</tbody></table>
<p><strong>Subtotal: ${esc(formatMoney(cart.total_price / 100, currency))}</strong></p><p>Checkout is not part of the demo.</p>`;
}

export function policyContent(policy: DemoPolicy): string {
  // Policy bodies are the merchant's own HTML, as Shopify renders them.
  return `<h1>${esc(policy.title)}</h1><div class="policy">${policy.body}</div>`;
}

export function loginContent(customers: DemoCustomer[], href: Href, returnTo: string): string {
  const buttons = customers
    .map(
      (
        c,
      ) => `<li><form method="post" action="${esc(href("/account/login"))}"><input type="hidden" name="customer_id" value="${c.legacyId}">${returnTo ? `<input type="hidden" name="return_to" value="${esc(returnTo)}">` : ""}
<button type="submit" data-customer-email="${esc(c.email)}">Log in as ${esc(c.firstName)} ${esc(c.lastName)}</button> <span>${esc(c.email)}</span></form></li>`,
    )
    .join("");
  return `<h1>Log in</h1><p>Demo customers: pick one. (No passwords: this storefront is a local stand-in for Shopify's customer accounts.)</p>
<ul class="customers" style="list-style:none;padding:0;display:grid;gap:8px">${buttons}</ul>`;
}

export function accountContent(customer: DemoCustomer, href: Href): string {
  return `<h1>Account</h1><p>Logged in as ${esc(customer.firstName)} ${esc(customer.lastName)} (${esc(customer.email)}), customer ${customer.legacyId}.</p>
<p><a href="${esc(href("/account/logout"))}">Log out</a></p>`;
}

export function notFoundContent(href: Href): string {
  return `<h1>Page not found</h1><p><a href="${esc(href("/"))}">Back to the home page</a></p>`;
}

// The demo theme's layout (theme.liquid's role): header with cart count and account
// link, the page, a footer with the store's policies and languages, and the app
// embed where Shopify puts it (its head assets in <head>, its HTML before </body>).
// Styles are inline and images carry their size, so the page itself is fast and
// stable: any Lighthouse loss measured with the embed on is the embed's.
import type { DemoStore } from "../store/store-types";

export const esc = (value: unknown): string =>
  String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

export interface PageFrame {
  store: DemoStore;
  locale: string;
  locales: string[];
  /** Shop-relative URL with the locale prefix when the locale is not the primary one. */
  href(path: string): string;
  cartCount: number;
  customerName: string | null;
  embed: { head: string; body: string };
  templateName: string;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fafaf7}
a{color:#1d4e89}
.wrap{max-width:1100px;margin:0 auto;padding:0 20px}
header.site{background:#fff;border-bottom:1px solid #e5e5e0}
header.site .wrap{display:flex;align-items:center;gap:24px;min-height:64px}
.logo{font-weight:700;font-size:20px;text-decoration:none;color:#1f2328;margin-right:auto}
nav.site a{margin-left:16px;text-decoration:none}
.cart-link{font-weight:600}
main.wrap{padding-top:32px;padding-bottom:48px}
h1{font-size:32px;line-height:1.2;margin:0 0 16px}
.hero{background:#e9efe6;border-radius:12px;padding:40px;margin-bottom:32px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:20px;list-style:none;padding:0;margin:0}
.card{background:#fff;border:1px solid #e5e5e0;border-radius:10px;overflow:hidden}
.card a{text-decoration:none;color:inherit;display:block}
.card img,.product img{width:100%;height:auto;aspect-ratio:1/1;object-fit:cover;display:block;background:#eee}
.card .info{padding:12px 14px}
.card .title{font-weight:600}
.price{color:#3d3d3d}
.sold-out{color:#a33}
.product{display:grid;grid-template-columns:1fr 1fr;gap:40px}
@media (max-width:760px){.product{grid-template-columns:1fr}}
button,.button{font:inherit;background:#1f2328;color:#fff;border:0;border-radius:8px;padding:12px 20px;cursor:pointer}
button[disabled]{background:#999;cursor:not-allowed}
select,input{font:inherit;padding:8px;border:1px solid #bbb;border-radius:6px}
:focus-visible{outline:3px solid #1d4e89;outline-offset:2px}
footer.site{border-top:1px solid #e5e5e0;padding:24px 0;font-size:14px;color:#555}
footer.site a{margin-right:16px}
.notice{background:#fff8db;border:1px solid #e6d58a;padding:8px 12px;border-radius:6px}
table.cart{width:100%;border-collapse:collapse}table.cart td,table.cart th{border-bottom:1px solid #ddd;padding:8px;text-align:left}
`;

// Themes refresh their cart count after the Ajax Cart API changes the cart; this
// one watches fetch() calls to /cart/add.js (the widget's add-to-cart) and reloads /cart.js.
const CART_COUNT_SCRIPT = `(function(){var f=window.fetch;if(!f)return;window.fetch=function(i,o){var p=f.apply(this,arguments);var u=String(i&&i.url||i);if(/\\/cart\\/(add|change|update|clear)(\\.js)?(\\?|$)/.test(u)){p.then(function(){return f('/cart.js',{credentials:'same-origin'})}).then(function(r){return r.json()}).then(function(c){var e=document.getElementById('cart-count');if(e)e.textContent=String(c.item_count)}).catch(function(){})}return p}})();`;

export function renderLayout(frame: PageFrame, title: string, content: string): string {
  const { store, href } = frame;
  const languages = frame.locales
    .map(
      (l) =>
        `<a href="${esc(l === store.shop.primaryLocale ? "/" : `/${l}/`)}" hreflang="${esc(l)}" lang="${esc(l)}">${esc(l.toUpperCase())}</a>`,
    )
    .join("");
  const policies = store.policies.map((p) => `<a href="${esc(href(`/policies/${p.handle}`))}">${esc(p.title)}</a>`).join("");
  const account = frame.customerName
    ? `<a href="${esc(href("/account"))}">${esc(frame.customerName)}</a><a href="${esc(href("/account/logout"))}">Log out</a>`
    : `<a href="${esc(href("/account/login"))}">Log in</a>`;
  return `<!doctype html>
<html lang="${esc(frame.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} – ${esc(store.shop.name)}</title>
<meta name="description" content="${esc(store.shop.description)}">
<style>${STYLE}</style>
<script>${CART_COUNT_SCRIPT}</script>
${frame.embed.head}
</head>
<body class="template-${esc(frame.templateName)}">
<a class="visually-hidden" href="#main" style="position:absolute;left:-9999px">Skip to content</a>
<header class="site"><div class="wrap">
<a class="logo" href="${esc(href("/"))}">${esc(store.shop.name)}</a>
<nav class="site" aria-label="Main">
<a href="${esc(href("/collections/all"))}">Shop all</a>${account}
<a class="cart-link" href="${esc(href("/cart"))}">Cart (<span id="cart-count" data-cart-count>${frame.cartCount}</span>)</a>
</nav>
</div></header>
<main id="main" class="wrap">
${content}
</main>
<footer class="site"><div class="wrap">
<p>${policies}</p>
<p>Language: ${languages}</p>
<p class="notice">Demo storefront: played locally for demo-shop.myshopify.com. Nothing here is a real shop.</p>
</div></footer>
${frame.embed.body}
</body>
</html>`;
}

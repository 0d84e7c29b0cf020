// The demo admin's page: a Shopify-admin-like frame with the app in an iframe, the
// app's <ui-nav-menu> links as a side nav (a menu button on narrow screens) and its
// <ui-title-bar> as the title bar on top: the title and the action buttons, whose
// clicks go back to the app. ?locale=de opens the admin in German, as Shopify passes
// the merchant's language to embedded apps.
import { esc } from "../storefront/theme-layout";

const LANGUAGES: Record<string, string> = { en: "English", de: "Deutsch", fr: "Français", es: "Español" };

export function renderHostPage(options: {
  appFrameUrl: string;
  appOrigin: string;
  shop: string;
  storefrontUrl?: string;
  locale?: string;
}): string {
  const locale = options.locale ?? "en";
  const storefront = options.storefrontUrl
    ? `<a class="storefront" href="${esc(options.storefrontUrl)}" target="_blank" rel="noopener">View demo storefront</a>`
    : "";
  const languages = Object.entries(LANGUAGES)
    .map(([code, name]) => `<option value="${code}"${code === locale ? " selected" : ""}>${esc(name)}</option>`)
    .join("");
  return `<!doctype html>
<html lang="${esc(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Demo admin – ${esc(options.shop)}</title>
<style>
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#f1f1f1;color:#303030;display:grid;grid-template:"top top" 52px "nav app" 1fr/240px minmax(0,1fr);height:100vh}
header{grid-area:top;background:#1a1a1a;color:#fff;display:flex;align-items:center;gap:12px;padding:0 16px;min-width:0}
header strong{font-size:15px;white-space:nowrap}header .demo{background:#ffd79d;color:#4f2e00;border-radius:6px;padding:2px 8px;font-weight:600;white-space:nowrap}
header .shop{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}
header .storefront{color:#cfe3ff;margin-left:auto;white-space:nowrap}
header select{background:#303030;color:#fff;border:1px solid #616161;border-radius:6px;padding:2px 4px;font:inherit}
#menu{display:none;background:none;border:1px solid #616161;color:#fff;border-radius:6px;padding:4px 8px;font:inherit}
nav{grid-area:nav;padding:12px 8px;overflow:auto;border-right:1px solid #e3e3e3;background:#ebebeb}
nav h2{font-size:12px;text-transform:uppercase;color:#616161;margin:8px 8px}
nav a{display:block;padding:6px 10px;border-radius:8px;color:#303030;text-decoration:none}
nav a[aria-current=page]{background:#fff;font-weight:600}nav a:hover{background:#fafafa}
nav a:focus-visible{outline:2px solid #005bd3}
.app{grid-area:app;display:flex;flex-direction:column;min-width:0}
#titlebar{display:flex;align-items:center;gap:8px;flex-wrap:wrap;padding:10px 20px 8px;min-height:48px}
#title{font-size:18px;font-weight:650;margin:0;margin-right:auto;min-width:0;overflow-wrap:anywhere}
#actions{display:flex;gap:8px;flex-wrap:wrap}
#actions button{font:600 13px system-ui;border-radius:8px;padding:6px 12px;border:1px solid #c9c9c9;background:#fff;color:#303030;cursor:pointer;min-height:32px;box-shadow:0 1px 0 rgba(0,0,0,.08)}
#actions button.primary{background:#303030;color:#fff;border-color:#303030}
#actions button.critical{background:#c70a24;color:#fff;border-color:#c70a24}
#actions button:disabled{opacity:.55;cursor:default}
#actions button:focus-visible{outline:2px solid #005bd3;outline-offset:1px}
iframe{flex:1;border:0;width:100%;background:#fff}
#loading{height:3px;background:transparent}#loading.on{background:linear-gradient(90deg,#005bd3,#9ec5ff)}
@media (max-width:900px){
  body{grid-template:"top" 52px "app" 1fr/minmax(0,1fr)}
  #menu{display:inline-block}
  nav{grid-area:app;position:relative;z-index:2;display:none;border-right:0;box-shadow:0 8px 16px rgba(0,0,0,.15);align-self:start;max-height:80vh}
  body.nav-open nav{display:block}
  header .shop{display:none}
  #titlebar{padding:8px 12px}
}
@media (max-width:480px){header .storefront{display:none}header strong{display:none}}
</style></head>
<body>
<header><button id="menu" type="button" aria-expanded="false" aria-controls="appnav">Menu</button><strong>Shopify admin</strong><span class="demo">DEMO MODE</span><span class="shop">${esc(options.shop)}</span>${storefront}
<label><span hidden>Admin language</span><select id="language" aria-label="Admin language">${languages}</select></label></header>
<nav id="appnav" aria-label="App navigation"><h2>Shop assistant</h2><div id="nav"></div></nav>
<div class="app"><div id="loading"></div><div id="titlebar"><h1 id="title"></h1><div id="actions" role="group" aria-label="Page actions"></div></div>
<iframe id="app" title="Shop assistant app" src="${esc(options.appFrameUrl)}"></iframe></div>
<script>
(function(){
  var appOrigin = ${JSON.stringify(options.appOrigin)};
  var frame = document.getElementById("app");
  var nav = document.getElementById("nav");
  var menu = document.getElementById("menu");
  var current = "";
  function send(message){ frame.contentWindow.postMessage(Object.assign({ source: "demo-admin-host" }, message), appOrigin); }
  function closeMenu(){ document.body.classList.remove("nav-open"); menu.setAttribute("aria-expanded", "false"); }
  menu.addEventListener("click", function(){ var open = document.body.classList.toggle("nav-open"); menu.setAttribute("aria-expanded", String(open)); });
  document.getElementById("language").addEventListener("change", function(e){
    var url = new URL(location.href); url.searchParams.set("locale", e.target.value); location.assign(url.toString());
  });
  function renderNav(links){
    nav.textContent = "";
    links.forEach(function(link){
      var a = document.createElement("a");
      a.href = "/admin/apps/shop-assistant" + link.href + location.search; a.textContent = link.label;
      a.dataset.href = link.href;
      if (current === link.href) a.setAttribute("aria-current", "page");
      a.addEventListener("click", function(e){ e.preventDefault(); closeMenu(); send({ type: "navigate", href: link.href }); });
      nav.appendChild(a);
    });
  }
  var lastLinks = [];
  function renderActions(actions){
    var box = document.getElementById("actions");
    box.textContent = "";
    (actions || []).forEach(function(action){
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = action.loading ? action.label + " …" : action.label;
      if (action.primary) b.className = action.critical ? "critical" : "primary";
      b.disabled = Boolean(action.disabled);
      if (action.loading) b.setAttribute("aria-busy", "true");
      b.addEventListener("click", function(){ send({ type: "titleAction", index: action.index }); });
      box.appendChild(b);
    });
  }
  window.addEventListener("message", function(event){
    if (event.origin !== appOrigin || !event.data || event.data.source !== "demo-app-bridge") return;
    var m = event.data;
    if (m.type === "nav") { lastLinks = m.links || []; renderNav(lastLinks); }
    if (m.type === "title") { document.getElementById("title").textContent = m.title || ""; renderActions(m.actions); }
    if (m.type === "loading") document.getElementById("loading").className = m.on ? "on" : "";
    if (m.type === "ready") { current = m.path; renderNav(lastLinks); }
    if (m.type === "redirect" && typeof m.href === "string" && m.href.indexOf(appOrigin) === 0) frame.src = m.href;
  });
})();
</script>
</body></html>`;
}

// The demo admin's page: a Shopify-admin-like frame with the app in an iframe, the
// app's <ui-nav-menu> links as a side nav and its <ui-title-bar> title on top.
import { esc } from "../storefront/theme-layout";

export function renderHostPage(options: { appFrameUrl: string; appOrigin: string; shop: string; storefrontUrl?: string }): string {
  const storefront = options.storefrontUrl ? `<a href="${esc(options.storefrontUrl)}" target="_blank" rel="noopener">View demo storefront</a>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Demo admin – ${esc(options.shop)}</title>
<style>
body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#f1f1f1;color:#303030;display:grid;grid-template:"top top" 52px "nav app" 1fr/240px 1fr;height:100vh}
header{grid-area:top;background:#1a1a1a;color:#fff;display:flex;align-items:center;gap:16px;padding:0 16px}
header strong{font-size:15px}header .demo{background:#ffd79d;color:#4f2e00;border-radius:6px;padding:2px 8px;font-weight:600}
header a{color:#cfe3ff;margin-left:auto}
nav{grid-area:nav;padding:12px 8px;overflow:auto;border-right:1px solid #e3e3e3;background:#ebebeb}
nav h2{font-size:12px;text-transform:uppercase;color:#616161;margin:8px 8px}
nav a{display:block;padding:6px 10px;border-radius:8px;color:#303030;text-decoration:none}
nav a[aria-current=page]{background:#fff;font-weight:600}nav a:hover{background:#fafafa}
nav a:focus-visible{outline:2px solid #005bd3}
.app{grid-area:app;display:flex;flex-direction:column;min-width:0}
#title{font-size:18px;font-weight:650;margin:12px 20px 0;min-height:24px}
iframe{flex:1;border:0;width:100%;background:#fff}
#loading{height:3px;background:transparent}#loading.on{background:linear-gradient(90deg,#005bd3,#9ec5ff)}
</style></head>
<body>
<header><strong>Shopify admin</strong><span class="demo">DEMO MODE</span><span>${esc(options.shop)}</span>${storefront}</header>
<nav aria-label="App navigation"><h2>Shop assistant</h2><div id="nav"></div></nav>
<div class="app"><div id="loading"></div><h1 id="title"></h1>
<iframe id="app" title="Shop assistant app" src="${esc(options.appFrameUrl)}"></iframe></div>
<script>
(function(){
  var appOrigin = ${JSON.stringify(options.appOrigin)};
  var frame = document.getElementById("app");
  var nav = document.getElementById("nav");
  var current = "";
  function send(message){ frame.contentWindow.postMessage(Object.assign({ source: "demo-admin-host" }, message), appOrigin); }
  function renderNav(links){
    nav.textContent = "";
    links.forEach(function(link){
      var a = document.createElement("a");
      a.href = "/admin/apps/shop-assistant" + link.href; a.textContent = link.home ? "Home" : link.label;
      a.dataset.href = link.href;
      if (current === link.href) a.setAttribute("aria-current", "page");
      a.addEventListener("click", function(e){ e.preventDefault(); send({ type: "navigate", href: link.href }); current = link.href; renderNav(links); });
      nav.appendChild(a);
    });
  }
  window.addEventListener("message", function(event){
    if (event.origin !== appOrigin || !event.data || event.data.source !== "demo-app-bridge") return;
    var m = event.data;
    if (m.type === "nav") renderNav(m.links || []);
    if (m.type === "title") document.getElementById("title").textContent = m.title || "";
    if (m.type === "loading") document.getElementById("loading").className = m.on ? "on" : "";
    if (m.type === "ready") { current = m.path; Array.prototype.forEach.call(nav.querySelectorAll("a"), function(a){ a.toggleAttribute("aria-current", a.dataset.href === current); if (a.hasAttribute("aria-current")) a.setAttribute("aria-current","page"); }); }
    if (m.type === "redirect" && typeof m.href === "string" && m.href.indexOf(appOrigin) === 0) frame.src = m.href;
  });
})();
</script>
</body></html>`;
}

// A local stand-in for https://cdn.shopify.com/shopifycloud/app-bridge.js, for the
// offline demo only. It provides the parts of App Bridge this app uses:
// - window.shopify: config, environment, idToken() (a fresh session token from the
//   demo admin host, HS256 with the demo API secret), toast, loading, saveBar, modal;
// - the fetch patch: same-origin requests get `Authorization: Bearer <idToken>`;
// - the session-token bounce page (`?shopify-reload=…`): reload with an id_token;
// - <ui-nav-menu>, <ui-title-bar>, <ui-save-bar>, <ui-modal> as simple elements; the
//   nav menu and title are shown by the host page (demo/app-bridge/host-page.ts).
(function () {
  "use strict";
  var script = document.currentScript;
  var hostOrigin = script ? new URL(script.src, location.href).origin : location.origin;
  var apiKey = (script && script.getAttribute("data-api-key")) || "";
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || "demo-shop.myshopify.com";
  var nativeFetch = window.fetch.bind(window);

  function idToken() {
    return nativeFetch(hostOrigin + "/session-token?shop=" + encodeURIComponent(shop), { credentials: "omit" })
      .then(function (r) { if (!r.ok) throw new Error("session token: HTTP " + r.status); return r.json(); })
      .then(function (body) { return body.token; });
  }

  function toParent(message) {
    if (window.parent !== window) window.parent.postMessage(Object.assign({ source: "demo-app-bridge" }, message), hostOrigin);
  }

  // The bounce page of @shopify/shopify-app-remix: come back with a session token.
  var reload = params.get("shopify-reload");
  if (reload) {
    idToken().then(function (token) {
      var target = new URL(reload, location.href);
      if (target.origin !== location.origin) return;
      target.searchParams.set("id_token", token);
      location.replace(target.toString());
    });
  }

  window.fetch = function (input, init) {
    var request = new Request(input, init);
    var url = new URL(request.url, location.href);
    if (url.origin !== location.origin || request.headers.has("Authorization")) return nativeFetch(request);
    return idToken().then(function (token) {
      var headers = new Headers(request.headers);
      headers.set("Authorization", "Bearer " + token);
      return nativeFetch(new Request(request, { headers: headers }));
    }).then(function (response) {
      var reauth = response.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
      if (response.status === 401 && reauth) toParent({ type: "redirect", href: reauth });
      return response;
    });
  };

  var toastBox;
  function toast(message, options) {
    if (!toastBox) {
      toastBox = document.createElement("div");
      toastBox.setAttribute("role", "status");
      toastBox.setAttribute("aria-live", "polite");
      toastBox.style.cssText = "position:fixed;left:50%;bottom:24px;transform:translateX(-50%);z-index:2147483647;display:grid;gap:8px";
      document.body.appendChild(toastBox);
    }
    var item = document.createElement("div");
    item.className = "demo-app-bridge-toast";
    item.textContent = String(message);
    item.style.cssText = "background:" + (options && options.isError ? "#8e1f0b" : "#303030") + ";color:#fff;padding:10px 16px;border-radius:8px;font:14px system-ui";
    toastBox.appendChild(item);
    setTimeout(function () { item.remove(); }, (options && options.duration) || 5000);
    return String(Date.now());
  }

  function byId(id) { return id ? document.getElementById(id) : null; }

  window.shopify = {
    config: { apiKey: apiKey, shop: shop, host: params.get("host") || "", locale: params.get("locale") || "en" },
    environment: { embedded: true, mobile: false, pos: false },
    origin: hostOrigin,
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function (on) { toParent({ type: "loading", on: on !== false }); },
    user: function () { return Promise.resolve({ id: 1, name: "Demo Staff", accountAccess: "Account owner" }); },
    saveBar: {
      show: function (id) { var el = byId(id); if (el && el.show) el.show(); return Promise.resolve(); },
      hide: function (id) { var el = byId(id); if (el && el.hide) el.hide(); return Promise.resolve(); },
      toggle: function (id) { var el = byId(id); if (el && el.toggle) el.toggle(); return Promise.resolve(); },
      leaveConfirmation: function () { return Promise.resolve(); },
    },
    modal: {
      show: function (id) { var el = byId(id); if (el && el.show) el.show(); return Promise.resolve(); },
      hide: function (id) { var el = byId(id); if (el && el.hide) el.hide(); return Promise.resolve(); },
      toggle: function (id) { var el = byId(id); if (el && el.toggle) el.toggle(); return Promise.resolve(); },
    },
    resourcePicker: function () { return Promise.reject(new Error("resourcePicker is not part of the demo")); },
  };

  function define(name, impl) { if (!customElements.get(name)) customElements.define(name, impl); }

  function announceNav(menu) {
    var links = Array.prototype.map.call(menu.querySelectorAll("a"), function (a) {
      return { href: a.getAttribute("href"), label: a.textContent, home: a.getAttribute("rel") === "home" };
    });
    toParent({ type: "nav", links: links });
  }

  define("ui-nav-menu", class extends HTMLElement {
    connectedCallback() {
      this.style.display = "none";
      announceNav(this);
      this._observer = new MutationObserver(() => announceNav(this));
      this._observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
    }
    disconnectedCallback() { if (this._observer) this._observer.disconnect(); }
  });

  define("ui-title-bar", class extends HTMLElement {
    static get observedAttributes() { return ["title"]; }
    connectedCallback() { this.style.display = "none"; toParent({ type: "title", title: this.getAttribute("title") || "" }); }
    attributeChangedCallback() { toParent({ type: "title", title: this.getAttribute("title") || "" }); }
  });

  define("ui-save-bar", class extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", "region");
      this.setAttribute("aria-label", "Unsaved changes");
      this.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483646;background:#1a1a1a;color:#fff;padding:8px 16px;gap:8px;justify-content:flex-end";
      this.style.display = this.showing ? "flex" : "none";
    }
    get showing() { return this.hasAttribute("data-showing"); }
    show() { this.setAttribute("data-showing", ""); this.style.display = "flex"; return Promise.resolve(); }
    hide() { this.removeAttribute("data-showing"); this.style.display = "none"; return Promise.resolve(); }
    toggle() { return this.showing ? this.hide() : this.show(); }
  });

  define("ui-modal", class extends HTMLElement {
    get content() {
      if (!this._dialog) {
        this._dialog = document.createElement("dialog");
        this._dialog.style.cssText = "border:0;border-radius:12px;padding:0;min-width:min(560px,90vw)";
        this._body = document.createElement("div");
        this._dialog.appendChild(this._body);
        document.body.appendChild(this._dialog);
      }
      return this._body;
    }
    get showing() { return Boolean(this._dialog && this._dialog.open); }
    show() { void this.content; if (!this._dialog.open) this._dialog.showModal(); this.dispatchEvent(new Event("show")); return Promise.resolve(); }
    hide() { if (this._dialog && this._dialog.open) this._dialog.close(); this.dispatchEvent(new Event("hide")); return Promise.resolve(); }
    toggle() { return this.showing ? this.hide() : this.show(); }
    disconnectedCallback() { if (this._dialog) this._dialog.remove(); }
  });

  // The host's side nav was clicked: App Bridge announces it as "shopify:navigate"
  // on the menu's link, and the app's router navigates.
  window.addEventListener("message", function (event) {
    if (event.origin !== hostOrigin || !event.data || event.data.source !== "demo-admin-host") return;
    if (event.data.type === "navigate") {
      var links = document.querySelectorAll("ui-nav-menu a");
      for (var i = 0; i < links.length; i++) {
        if (links[i].getAttribute("href") === event.data.href) {
          links[i].dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
          // Before the app has hydrated nobody listens yet: load the page instead
          // (without the stale id_token; the bounce page fetches a fresh one).
          var target = new URL(event.data.href, location.href);
          setTimeout(function () {
            if (location.pathname === target.pathname) return;
            var params = new URLSearchParams(location.search);
            params.delete("id_token");
            target.search = params.toString();
            location.assign(target.toString());
          }, 1500);
          return;
        }
      }
    }
  });
  toParent({ type: "ready", path: location.pathname });
})();

// A local stand-in for https://cdn.shopify.com/shopifycloud/app-bridge.js, for the
// offline demo only. It provides the parts of App Bridge this app uses:
// - window.shopify: config, environment, idToken() (a fresh session token from the
//   demo admin host, HS256 with the demo API secret), toast, loading, saveBar, modal;
// - the fetch patch: same-origin requests get `Authorization: Bearer <idToken>`;
// - the session-token bounce page (`?shopify-reload=…`): reload with an id_token;
// - <ui-nav-menu>, <ui-title-bar>, <ui-save-bar>, <ui-modal> as simple elements: the
//   nav menu, the title and the title bar's buttons are shown by the host page
//   (demo/app-bridge/host-page.ts), which sends button clicks back; the save bar
//   (Save/Discard, with a leave confirmation), modals and toasts are drawn in the app's
//   frame, so a person or a browser test sees what Shopify's admin would show.
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
      .then(function (r) {
        if (!r.ok) throw new Error("session token: HTTP " + r.status);
        return r.json();
      })
      .then(function (body) {
        return body.token;
      });
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
    return idToken()
      .then(function (token) {
        var headers = new Headers(request.headers);
        headers.set("Authorization", "Bearer " + token);
        return nativeFetch(new Request(request, { headers: headers }));
      })
      .then(function (response) {
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
    // One toast at a time, as in Shopify's admin: the newest replaces the last.
    toastBox.textContent = "";
    var item = document.createElement("div");
    item.className = "demo-app-bridge-toast";
    item.textContent = String(message);
    item.style.cssText =
      "background:" +
      (options && options.isError ? "#8e1f0b" : "#303030") +
      ";color:#fff;padding:10px 16px;border-radius:8px;font:14px system-ui";
    toastBox.appendChild(item);
    setTimeout(
      function () {
        item.remove();
      },
      (options && options.duration) || 5000,
    );
    return String(Date.now());
  }

  function byId(id) {
    return id ? document.getElementById(id) : null;
  }

  window.shopify = {
    config: { apiKey: apiKey, shop: shop, host: params.get("host") || "", locale: params.get("locale") || "en" },
    environment: { embedded: true, mobile: false, pos: false },
    origin: hostOrigin,
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function (on) {
      toParent({ type: "loading", on: on !== false });
    },
    user: function () {
      return Promise.resolve({ id: 1, name: "Jane Doe", accountAccess: "Account owner" });
    },
    saveBar: {
      show: function (id) {
        var el = byId(id);
        if (el && el.show) el.show();
        return Promise.resolve();
      },
      hide: function (id) {
        var el = byId(id);
        if (el && el.hide) el.hide();
        return Promise.resolve();
      },
      toggle: function (id) {
        var el = byId(id);
        if (el && el.toggle) el.toggle();
        return Promise.resolve();
      },
      leaveConfirmation: function () {
        return leaveConfirmation();
      },
    },
    modal: {
      show: function (id) {
        var el = byId(id);
        if (el && el.show) el.show();
        return Promise.resolve();
      },
      hide: function (id) {
        var el = byId(id);
        if (el && el.hide) el.hide();
        return Promise.resolve();
      },
      toggle: function (id) {
        var el = byId(id);
        if (el && el.toggle) el.toggle();
        return Promise.resolve();
      },
    },
    resourcePicker: function () {
      return Promise.reject(new Error("resourcePicker is not part of the demo"));
    },
  };

  function define(name, impl) {
    if (!customElements.get(name)) customElements.define(name, impl);
  }

  function announceNav(menu) {
    var links = Array.prototype.map.call(menu.querySelectorAll("a"), function (a) {
      return { href: a.getAttribute("href"), label: a.textContent, home: a.getAttribute("rel") === "home" };
    });
    toParent({ type: "nav", links: links });
  }

  define(
    "ui-nav-menu",
    class extends HTMLElement {
      connectedCallback() {
        this.style.display = "none";
        announceNav(this);
        this._observer = new MutationObserver(() => announceNav(this));
        this._observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
      }
      disconnectedCallback() {
        if (this._observer) this._observer.disconnect();
      }
    },
  );

  // Our own styles for the stand-in's elements (the real App Bridge draws these in
  // Shopify's admin, outside the app's frame).
  var style = document.createElement("style");
  style.textContent = [
    "ui-save-bar{position:fixed;top:0;left:0;right:0;z-index:2147483646;background:#1a1a1a;color:#fff;padding:8px 16px;gap:8px;align-items:center;flex-wrap:wrap;box-shadow:0 2px 6px rgba(0,0,0,.3);font:14px system-ui}",
    "ui-save-bar::before{content:attr(aria-label);margin-right:auto;font-weight:600}",
    "ui-save-bar button,.demo-ab-dialog button{font:600 13px system-ui;border-radius:8px;padding:6px 12px;border:1px solid #8a8a8a;background:#303030;color:#fff;cursor:pointer;min-height:32px}",
    "ui-save-bar button[variant=primary]{background:#fff;color:#1a1a1a;border-color:#fff}",
    "ui-save-bar button[disabled],.demo-ab-dialog button[disabled]{opacity:.6;cursor:default}",
    "ui-save-bar button[loading]::after{content:'…'}",
    ".demo-ab-dialog{border:0;border-radius:12px;padding:0;width:min(560px,calc(100vw - 32px));box-shadow:0 8px 32px rgba(0,0,0,.35);font:14px/1.4 system-ui;color:#303030}",
    ".demo-ab-dialog::backdrop{background:rgba(0,0,0,.5)}",
    ".demo-ab-dialog h2{font-size:16px;margin:0;padding:14px 16px;border-bottom:1px solid #e3e3e3}",
    ".demo-ab-dialog footer{display:flex;gap:8px;justify-content:flex-end;flex-wrap:wrap;padding:12px 16px;border-top:1px solid #e3e3e3}",
    ".demo-ab-dialog footer button{background:#fff;color:#303030;border-color:#c9c9c9}",
    ".demo-ab-dialog footer button[data-variant=primary]{background:#303030;color:#fff;border-color:#303030}",
    ".demo-ab-dialog footer button[data-tone=critical]{background:#c70a24;color:#fff;border-color:#c70a24}",
    ".demo-app-bridge-toast{box-shadow:0 4px 16px rgba(0,0,0,.3);max-width:calc(100vw - 48px)}",
  ].join("\n");
  (document.head || document.documentElement).appendChild(style);

  /** The buttons of a <ui-title-bar> (direct and in <section> groups), in order. */
  function titleBarButtons(bar) {
    return Array.prototype.filter.call(bar.querySelectorAll("button"), function (b) {
      return b.closest("ui-title-bar") === bar;
    });
  }

  function describeButtons(bar) {
    return titleBarButtons(bar).map(function (b, index) {
      return {
        index: index,
        label: (b.textContent || "").trim(),
        primary: b.getAttribute("variant") === "primary",
        critical: b.getAttribute("tone") === "critical",
        disabled: b.disabled || b.hasAttribute("loading"),
        loading: b.hasAttribute("loading"),
      };
    });
  }

  var pageTitleBars = [];
  function currentTitleBar() {
    return pageTitleBars.length ? pageTitleBars[pageTitleBars.length - 1] : null;
  }
  function announceTitle() {
    var bar = currentTitleBar();
    toParent({ type: "title", title: bar ? bar.getAttribute("title") || "" : "", actions: bar ? describeButtons(bar) : [] });
  }

  define(
    "ui-title-bar",
    class extends HTMLElement {
      static get observedAttributes() {
        return ["title"];
      }
      connectedCallback() {
        this.style.display = "none";
        if (this.closest("ui-modal")) return; // a modal's header and footer, drawn by the modal
        pageTitleBars.push(this);
        this._observer = new MutationObserver(function () {
          if (currentTitleBar()) announceTitle();
        });
        this._observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
        announceTitle();
      }
      disconnectedCallback() {
        if (this._observer) this._observer.disconnect();
        var i = pageTitleBars.indexOf(this);
        if (i >= 0) {
          pageTitleBars.splice(i, 1);
          announceTitle();
        }
      }
      attributeChangedCallback() {
        if (pageTitleBars.indexOf(this) >= 0) announceTitle();
      }
    },
  );

  function showingSaveBars() {
    return Array.prototype.filter.call(document.querySelectorAll("ui-save-bar"), function (bar) {
      return bar.showing;
    });
  }

  /** A small dialog of the stand-in's own: title, text, buttons; resolves with the chosen button's value. */
  function ask(title, text, buttons) {
    return new Promise(function (resolve) {
      var dialog = document.createElement("dialog");
      dialog.className = "demo-ab-dialog";
      dialog.setAttribute("aria-label", title);
      var h = document.createElement("h2");
      h.textContent = title;
      var p = document.createElement("p");
      p.style.cssText = "margin:0;padding:16px";
      p.textContent = text;
      var footer = document.createElement("footer");
      var answered = false;
      buttons.forEach(function (spec) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = spec.label;
        if (spec.primary) b.setAttribute("data-variant", "primary");
        if (spec.critical) b.setAttribute("data-tone", "critical");
        b.addEventListener("click", function () {
          answered = true;
          dialog.close();
          dialog.remove();
          resolve(spec.value);
        });
        footer.appendChild(b);
      });
      dialog.addEventListener("close", function () {
        if (!answered) {
          dialog.remove();
          resolve(null);
        }
      });
      dialog.append(h, p, footer);
      document.body.appendChild(dialog);
      dialog.showModal();
    });
  }

  var LEAVE_TEXT = {
    en: ["Leave page with unsaved changes?", "Leaving this page will delete all unsaved changes.", "Leave page", "Stay"],
    de: [
      "Seite mit ungespeicherten Änderungen verlassen?",
      "Wenn du diese Seite verlässt, werden alle ungespeicherten Änderungen gelöscht.",
      "Seite verlassen",
      "Bleiben",
    ],
    fr: [
      "Quitter la page avec des modifications non enregistrées ?",
      "Si vous quittez cette page, toutes les modifications non enregistrées seront supprimées.",
      "Quitter la page",
      "Rester",
    ],
    es: [
      "¿Salir de la página con cambios sin guardar?",
      "Si sales de esta página, se eliminarán todos los cambios no guardados.",
      "Salir de la página",
      "Quedarse",
    ],
  };
  function leaveText() {
    return LEAVE_TEXT[(window.shopify.config.locale || "en").slice(0, 2)] || LEAVE_TEXT.en;
  }

  /** shopify.saveBar.leaveConfirmation(): resolves at once without unsaved changes, else when the merchant chooses to leave. */
  function leaveConfirmation() {
    var bars = showingSaveBars();
    if (bars.length === 0) return Promise.resolve();
    var words = leaveText();
    return ask(words[0], words[1], [
      { label: words[3], value: "stay" },
      { label: words[2], value: "leave", primary: true, critical: true },
    ]).then(function (choice) {
      if (choice !== "leave") throw new Error("The merchant stayed on the page.");
      bars.forEach(function (bar) {
        bar.hide();
      });
    });
  }

  define(
    "ui-save-bar",
    class extends HTMLElement {
      connectedCallback() {
        this.setAttribute("role", "region");
        if (!this.hasAttribute("aria-label"))
          this.setAttribute(
            "aria-label",
            { de: "Nicht gespeicherte Änderungen", fr: "Modifications non enregistrées", es: "Cambios no guardados" }[
              (window.shopify.config.locale || "en").slice(0, 2)
            ] || "Unsaved changes",
          );
        this.style.display = this.showing ? "flex" : "none";
      }
      get showing() {
        return this.hasAttribute("data-showing");
      }
      get discardConfirmation() {
        return this.hasAttribute("discardConfirmation") || this.hasAttribute("discard-confirmation");
      }
      // Shopify's admin draws the save bar in its own top bar; here it sits on top of the
      // app's frame, so the page moves down while it shows instead of hiding under it.
      show() {
        var was = this.showing;
        this.setAttribute("data-showing", "");
        this.style.display = "flex";
        document.body.style.marginTop = "56px";
        document.documentElement.style.scrollPaddingTop = "64px";
        if (!was) this.dispatchEvent(new Event("show"));
        return Promise.resolve();
      }
      hide() {
        var was = this.showing;
        this.removeAttribute("data-showing");
        this.style.display = "none";
        if (showingSaveBars().length === 0) {
          document.body.style.marginTop = "";
          document.documentElement.style.scrollPaddingTop = "";
        }
        if (was) this.dispatchEvent(new Event("hide"));
        return Promise.resolve();
      }
      toggle() {
        return this.showing ? this.hide() : this.show();
      }
    },
  );

  define(
    "ui-modal",
    class extends HTMLElement {
      get content() {
        if (!this._dialog) {
          this._dialog = document.createElement("dialog");
          this._dialog.className = "demo-ab-dialog";
          this._heading = document.createElement("h2");
          this._body = document.createElement("div");
          this._footer = document.createElement("footer");
          this._dialog.append(this._heading, this._body, this._footer);
          this._dialog.addEventListener("close", () => {
            this.dispatchEvent(new Event("hide"));
          });
          document.body.appendChild(this._dialog);
        }
        return this._body;
      }
      get showing() {
        return Boolean(this._dialog && this._dialog.open);
      }
      _render() {
        var bar = this.querySelector("ui-title-bar");
        var title = bar ? bar.getAttribute("title") || "" : "";
        this._heading.textContent = title;
        this._heading.hidden = !title;
        this._dialog.setAttribute("aria-label", title);
        this._footer.textContent = "";
        if (!bar) return;
        var originals = titleBarButtons(bar);
        describeButtons(bar)
          .reverse()
          .forEach(function (spec) {
            var b = document.createElement("button");
            b.type = "button";
            b.textContent = spec.label;
            b.disabled = spec.disabled;
            if (spec.primary) b.setAttribute("data-variant", "primary");
            if (spec.critical) b.setAttribute("data-tone", "critical");
            b.addEventListener("click", function () {
              originals[spec.index].click();
            });
            this._footer.appendChild(b);
          }, this);
      }
      show() {
        void this.content;
        this._render();
        if (!this._dialog.open) {
          this._dialog.showModal();
          this.dispatchEvent(new Event("show"));
        }
        return Promise.resolve();
      }
      hide() {
        if (this._dialog && this._dialog.open) this._dialog.close();
        return Promise.resolve();
      }
      toggle() {
        return this.showing ? this.hide() : this.show();
      }
      disconnectedCallback() {
        if (this._dialog) this._dialog.remove();
        this._dialog = null;
      }
    },
  );

  // The host's side nav was clicked: App Bridge announces it as "shopify:navigate"
  // on the menu's link, and the app's router navigates.
  window.addEventListener("message", function (event) {
    if (event.origin !== hostOrigin || !event.data || event.data.source !== "demo-admin-host") return;
    if (event.data.type === "titleAction") {
      var bar = currentTitleBar();
      var button = bar && titleBarButtons(bar)[event.data.index];
      if (button && !button.disabled) button.click();
      return;
    }
    if (event.data.type === "navigate") {
      var href = event.data.href;
      leaveConfirmation().then(
        function () {
          navigateTo(href);
        },
        function () {
          toParent({ type: "stayed" });
        },
      );
    }
  });

  function navigateTo(href) {
    {
      var links = document.querySelectorAll("ui-nav-menu a");
      for (var i = 0; i < links.length; i++) {
        if (links[i].getAttribute("href") === href) {
          links[i].dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
          // Before the app has hydrated nobody listens yet: load the page instead
          // (without the stale id_token; the bounce page fetches a fresh one).
          var target = new URL(href, location.href);
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
  }
  // The app's router moves between pages without a reload: the host's nav follows.
  ["pushState", "replaceState"].forEach(function (name) {
    var original = history[name];
    history[name] = function () {
      var result = original.apply(this, arguments);
      toParent({ type: "ready", path: location.pathname });
      return result;
    };
  });
  window.addEventListener("popstate", function () {
    toParent({ type: "ready", path: location.pathname });
  });
  toParent({ type: "ready", path: location.pathname });
})();

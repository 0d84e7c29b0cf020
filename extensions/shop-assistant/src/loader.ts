/// <reference lib="dom" />
// Runs on every storefront page (deferred), so it only draws the launcher: a
// position:fixed button, hence no layout shift. Hover or focus prefetches the chat UI;
// a click (or Enter/Space) loads chat.css + chat.js and hands the launcher over.
//
// Isolation: the launcher and (later) the panel live in an open shadow root on the
// embed's <div id="shop-assistant">. No theme selector reaches into it, and the host's
// `all: initial !important` (an !important rule inside the shadow tree beats any rule
// of the page on the host) stops inherited text properties (font, letter-spacing,
// line-height, text-transform...) at the door. The page's font is used only when the
// merchant picks "Theme font" in the theme editor.
import { textOn } from "./contrast";

type Mount = (shadow: ShadowRoot, launcher: HTMLElement) => { toggle(): void };

const host = document.getElementById("shop-assistant");

function add<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>, parent: Node = document.head) {
  return parent.appendChild(Object.assign(document.createElement(tag), props));
}

if (host && !host.shadowRoot) {
  const data = host.dataset;
  const shadow = host.attachShadow({ mode: "open" });
  const accent = /^#[\da-f]{6}$/i.test(data.accent || "") ? (data.accent as string) : "#1f5f99";
  const offset = /^\d+$/.test(data.offset || "") ? Math.min(+(data.offset as string), 200) : 20;
  const side = data.position === "left" ? "left" : "right";
  const vars = {
    "--sa-accent": accent,
    "--sa-on-accent": textOn(accent),
    "--sa-offset": offset + "px",
    "--sa-font": (data.font === "theme" && getComputedStyle(document.body).fontFamily) || 'system-ui,-apple-system,"Segoe UI",sans-serif',
  };
  for (const [name, value] of Object.entries(vars)) host.style.setProperty(name, value);

  add(
    "style",
    {
      textContent:
        ":host{all:initial!important}[hidden]{display:none!important}" +
        `#shop-assistant-launcher{all:initial;position:fixed;bottom:calc(var(--sa-offset) + env(safe-area-inset-bottom,0px));${side}:calc(20px + env(safe-area-inset-${side},0px));z-index:2147483000;` +
        "border-radius:24px;padding:12px 18px;font:600 15px/1.2 var(--sa-font);background:var(--sa-accent);color:var(--sa-on-accent);" +
        "box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer}" +
        "#shop-assistant-launcher:focus-visible{outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 5px #fff}",
    },
    shadow,
  );
  const launcher = add("button", { type: "button", id: "shop-assistant-launcher", textContent: data.label || "Chat" }, shadow);
  // Arabic, Hebrew, Persian and Urdu storefronts read right to left; the panel follows the launcher.
  launcher.dir = /^(ar|he|iw|fa|ur)\b/i.test(data.locale || "") ? "rtl" : "ltr";
  launcher.setAttribute("aria-haspopup", "dialog");
  launcher.setAttribute("aria-expanded", "false");

  let prefetched = false;
  const prefetch = () => {
    if (prefetched) return;
    prefetched = true;
    for (const href of [data.chatCss, data.chatJs]) if (href) add("link", { rel: "prefetch", href });
  };

  let chat: Promise<{ toggle(): void }> | undefined;
  const load = () =>
    (chat ||= Promise.all([
      // The panel's stylesheet goes inside the shadow root: it styles nothing of the page.
      new Promise((done, fail) => add("link", { rel: "stylesheet", href: data.chatCss, onload: done, onerror: fail }, shadow)),
      new Promise((done, fail) => add("script", { src: data.chatJs, async: true, onload: done, onerror: fail })),
    ]).then(
      () => (window as unknown as { shopAssistantMount: Mount }).shopAssistantMount(shadow, launcher),
      (error) => {
        chat = undefined; // Let the next click try again.
        throw error;
      },
    ));

  launcher.addEventListener("pointerenter", prefetch);
  launcher.addEventListener("focus", prefetch);
  launcher.addEventListener("click", () => {
    load().then(
      (ui) => ui.toggle(),
      () => {},
    );
  });
}

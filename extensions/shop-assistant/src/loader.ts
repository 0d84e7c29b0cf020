/// <reference lib="dom" />
// Runs on every storefront page (deferred), so it only draws the launcher: a
// position:fixed button, hence no layout shift. Hover or focus prefetches the chat UI;
// a click (or Enter/Space) loads chat.css + chat.js and hands the launcher over.

type Mount = (root: HTMLElement, launcher: HTMLElement) => { toggle(): void };

const root = document.getElementById("shop-assistant");

/** Black or white text, whichever reads better on the merchant's accent colour. */
function textOn(hex: string): string {
  const [r = 0, g = 0, b = 0] = (hex.match(/^#?([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i) || []).slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? "#000" : "#fff";
}

function add<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>, parent: Node = document.head) {
  return parent.appendChild(Object.assign(document.createElement(tag), props));
}

if (root && !root.dataset.ready) {
  const data = root.dataset;
  root.dataset.ready = "1";
  const accent = /^#[\da-f]{6}$/i.test(data.accent || "") ? (data.accent as string) : "#1f5f99";
  root.style.setProperty("--sa-accent", accent);
  root.style.setProperty("--sa-on-accent", textOn(accent));
  if (data.position === "left") root.className = "sa-left";

  const side = data.position === "left" ? "left" : "right";
  add("style", {
    textContent:
      `#shop-assistant-launcher{position:fixed;bottom:20px;${side}:20px;z-index:2147483000;border:0;border-radius:24px;` +
      "padding:12px 18px;font:600 15px/1.2 system-ui,sans-serif;background:var(--sa-accent);color:var(--sa-on-accent);" +
      "box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer}" +
      "#shop-assistant-launcher:focus-visible{outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 5px #fff}",
  });
  const launcher = add(
    "button",
    { type: "button", id: "shop-assistant-launcher", textContent: data.label || "Chat" },
    root,
  );
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
      new Promise((done, fail) => add("link", { rel: "stylesheet", href: data.chatCss, onload: done, onerror: fail })),
      new Promise((done, fail) => add("script", { src: data.chatJs, async: true, onload: done, onerror: fail })),
    ]).then(
      () => (window as unknown as { shopAssistantMount: Mount }).shopAssistantMount(root, launcher),
      (error) => {
        chat = undefined; // Let the next click try again.
        throw error;
      },
    ));

  launcher.addEventListener("pointerenter", prefetch);
  launcher.addEventListener("focus", prefetch);
  launcher.addEventListener("click", () => {
    load().then((ui) => ui.toggle(), () => {});
  });
}

/// <reference lib="dom" />
// The chat UI, loaded by loader.js on the shopper's first interaction. It registers
// `window.shopAssistantMount`; the loader calls it once with the widget's shadow root
// (on the embed's <div id="shop-assistant">) and the launcher button in it, and from
// then on just calls toggle().
import { parseWidgetConfig, textsFor } from "../config";
import { el } from "./dom";
import { createPanel } from "./panel";
import { createTranslate } from "./strings";
import { createTranscript } from "./transcript";
import { createConversation } from "./conversation";
import { createComposer } from "./composer";
import { createIntro } from "./intro";
import { createActions } from "./actions";
import { safeLinkUrl } from "./safe-url";

function readJson(id: string): unknown {
  try {
    return JSON.parse(document.getElementById(id)?.textContent || "null");
  } catch {
    return null;
  }
}

async function addToCart(url: string, variantId: string): Promise<boolean> {
  try {
    const id = /^\d+$/.test(variantId) ? Number(variantId) : variantId;
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ id, quantity: 1 }),
      credentials: "same-origin",
    });
    // Themes listen for this to refresh their cart count.
    if (response.ok) document.dispatchEvent(new CustomEvent("shop-assistant:cart-added", { detail: { variantId } }));
    return response.ok;
  } catch {
    return false;
  }
}

function mount(root: ShadowRoot, launcher: HTMLElement): { toggle(): void } {
  const data = (root.host as HTMLElement).dataset;
  const strings = readJson("shop-assistant-i18n");
  const t = createTranslate(strings && typeof strings === "object" ? (strings as Record<string, unknown>) : {});
  const config = parseWidgetConfig(readJson("shop-assistant-config"), {
    greeting: t("greeting"),
    aiDisclosure: t("ai_disclosure"),
    privacyNotice: t("privacy_notice"),
    privacyPolicyUrl: data.privacyUrl || "",
  });
  const locale = data.locale || document.documentElement.lang || "en";
  // The merchant's texts in the shopper's language win; else the theme editor's greeting.
  const own = textsFor(config, locale);
  if (data.greeting && !own.greeting) config.greeting = data.greeting;
  Object.assign(config, own);
  const origin = location.origin;
  // The storefront's locale root (routes.root_url: "/", "/de", "/de-ch"; else Shopify.routes.root):
  // product and policy links go below it, so a shopper on /de stays on the German storefront.
  const rootOf = (v: unknown) => (typeof v == "string" && /^\/[a-z]{2,3}(-[a-z\d]{2,8})*\/?$/i.test(v) ? v.replace(/\/$/, "") : "");
  const base = rootOf(data.root) || rootOf((window as { Shopify?: { routes?: { root?: unknown } } }).Shopify?.routes?.root);
  // A policy URL on another host (say the .myshopify.com domain) may not be linked: use the theme's own.
  if (!safeLinkUrl(config.privacyPolicyUrl, origin)) config.privacyPolicyUrl = data.privacyUrl || "";
  const cartUrl = (data.cartAdd || "/cart/add") + ".js";

  const panel = createPanel(root, launcher, t);
  const transcript = createTranscript(t);
  let actions: ReturnType<typeof createActions> | undefined;
  const conversation = createConversation({
    proxy: data.proxy || "/apps/assistant",
    locale,
    country: data.country || "",
    transcript,
    cards: { t, origin, locale, root: base, addToCart: (variantId) => addToCart(cartUrl, variantId) },
    onSession: () => actions?.refresh(),
    onHandoff: () => actions?.openLead(),
    consentVersion: config.consentRequired ? config.noticeVersion : 0,
  });
  const intro = createIntro(config, t, origin);
  // The stored transcript must be on screen before a new message is added, or the
  // resumed history would land after it (and repeat it).
  let resumed: Promise<unknown> = Promise.resolve();
  const composer = createComposer(t, config.maxMessageLength, async (text) => {
    composer.busy(true);
    await resumed;
    await conversation.send(text);
    composer.busy(false);
  });
  // Before consent (when it is asked) the message box and the actions are not in the
  // DOM at all, so no page CSS can show them, and conversation.send refuses anyway.
  const start = () => {
    if (conversation.allowed()) return void panel.footer.append(chat);
    chat.remove();
    intro.askConsent(async () => {
      const error = await conversation.consent(config.noticeVersion);
      if (!error) {
        panel.footer.append(chat);
        composer.input.focus();
      }
      return error;
    }, conversation.decline);
  };
  // After the shopper deleted the conversation: a fresh start, the consent question again when it is asked.
  actions = createActions(config, t, conversation, transcript, () => {
    start();
    (intro.acceptButton() || composer.input).focus();
  });
  actions.refresh();
  const chat = el("div", { class: "sa-chat" }, actions.element, composer.element);
  panel.body.append(intro.element, transcript.element, actions.forms);
  start();
  resumed = conversation.resume().catch(() => undefined);

  const focusTarget = () => (chat.isConnected ? composer.input : intro.acceptButton());
  return { toggle: () => (panel.isOpen() ? panel.close() : panel.open(focusTarget)) };
}

(window as unknown as { shopAssistantMount: typeof mount }).shopAssistantMount = mount;

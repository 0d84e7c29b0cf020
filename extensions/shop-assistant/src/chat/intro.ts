// What the shopper sees first: greeting, AI disclosure, privacy notice with the
// merchant's policy link, and (when the merchant requires it) the consent question.
import type { WidgetConfig } from "../config";
import { el } from "./dom";
import { safeLinkUrl } from "./safe-url";
import type { Translate } from "./strings";

export interface Intro {
  element: HTMLElement;
  /** Shows the consent question; onAccept records it and returns an error text or null. */
  askConsent(onAccept: () => Promise<string | null>, onDecline: () => Promise<void>): void;
  acceptButton(): HTMLButtonElement | null;
}

export function createIntro(config: WidgetConfig, t: Translate, origin: string): Intro {
  const policy = safeLinkUrl(config.privacyPolicyUrl, origin);
  const element = el(
    "section",
    { id: "shop-assistant-notice", class: "sa-intro", "aria-label": t("title") },
    el("p", { class: "sa-greeting" }, config.greeting),
    el("p", {}, config.aiDisclosure),
    el(
      "p",
      {},
      config.privacyNotice,
      policy && " ",
      policy && el("a", { href: policy, rel: "noopener", target: "_blank" }, t("privacy_link")),
    ),
  );
  let accept: HTMLButtonElement | null = null;
  return {
    element,
    acceptButton: () => accept,
    askConsent(onAccept, onDecline) {
      accept = el("button", { type: "button", id: "shop-assistant-accept", class: "sa-button" }, t("consent_accept"));
      const decline = el("button", { type: "button", id: "shop-assistant-decline", class: "sa-link-button" }, t("consent_decline"));
      const status = el("p", { role: "status" });
      // Added only when asked, removed once answered: never merely hidden.
      const consent = el(
        "div",
        { id: "shop-assistant-consent", class: "sa-consent" },
        el("p", {}, t("consent_question")),
        el("div", { class: "sa-form-actions" }, accept, decline),
        status,
      );
      element.append(consent);
      const button = accept;
      button.addEventListener("click", async () => {
        button.disabled = true;
        const error = await onAccept();
        status.textContent = error || "";
        if (error) button.disabled = false;
        else {
          consent.remove();
          accept = null;
        }
      });
      decline.addEventListener("click", async () => {
        await onDecline();
        status.textContent = t("consent_declined");
      });
    },
  };
}

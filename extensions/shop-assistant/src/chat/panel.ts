// The chat panel as a modal dialog: focus moves in on open, Tab stays inside, Escape
// closes and focus goes back to the launcher. It lives in the widget's shadow root (next
// to the launcher), so the focused element is the shadow root's activeElement.
import { el } from "./dom";
import type { Translate } from "./strings";

const FOCUSABLE = "a[href],button:not([disabled]),input:not([disabled]),textarea:not([disabled]),select:not([disabled])";

export interface Panel {
  element: HTMLElement;
  body: HTMLElement; // scrolls
  footer: HTMLElement; // stays in view
  isOpen(): boolean;
  open(focusTarget?: () => HTMLElement | null): void;
  close(): void;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((node) => node.getClientRects().length > 0);
}

export function createPanel(root: ShadowRoot, launcher: HTMLElement, t: Translate): Panel {
  // The visible × is hidden from assistive tech; the name comes from the hidden text.
  const close = el(
    "button",
    { type: "button", id: "shop-assistant-close", class: "sa-close" },
    el("span", { "aria-hidden": "true" }, "×"),
    el("span", { class: "sa-visually-hidden" }, t("close")),
  );
  const body = el("div", { class: "sa-body" });
  const footer = el("div", { class: "sa-footer" });
  const element = el(
    "div",
    {
      id: "shop-assistant-panel",
      role: "dialog",
      "aria-modal": "true",
      "aria-labelledby": "shop-assistant-title",
      hidden: true,
      // Right to left when the launcher is (the storefront's language); placed on the merchant's side.
      dir: launcher.dir,
      class: (root.host as HTMLElement).dataset.position === "left" ? "sa-left" : undefined,
    },
    el("div", { class: "sa-head" }, el("h2", { id: "shop-assistant-title" }, t("title")), close),
    body,
    footer,
  );
  root.append(element);
  launcher.setAttribute("aria-controls", element.id);

  const panel: Panel = {
    element,
    body,
    footer,
    isOpen: () => !element.hidden,
    open(focusTarget) {
      element.hidden = false;
      launcher.setAttribute("aria-expanded", "true");
      (focusTarget?.() || focusables(element)[0] || close).focus();
    },
    close() {
      element.hidden = true;
      launcher.setAttribute("aria-expanded", "false");
      launcher.focus();
    },
  };

  close.addEventListener("click", panel.close);
  element.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      panel.close();
    } else if (event.key === "Tab") {
      const nodes = focusables(element);
      const first = nodes[0];
      const last = nodes[nodes.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && root.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && root.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  return panel;
}

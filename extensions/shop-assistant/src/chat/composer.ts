// The message input: a length counter, the card-number guard, and send on Enter
// (Shift+Enter for a new line).
import { containsCardAuthData, containsCardNumber } from "./card-guard";
import { el } from "./dom";
import type { Translate } from "./strings";

export interface Composer {
  element: HTMLFormElement;
  input: HTMLTextAreaElement;
  busy(on: boolean): void;
}

export function createComposer(t: Translate, maxLength: number, onSend: (text: string) => void): Composer {
  const input = el("textarea", {
    id: "shop-assistant-input",
    name: "message",
    rows: 2,
    maxlength: maxLength,
    placeholder: t("placeholder"),
    "aria-describedby": "shop-assistant-counter shop-assistant-warning",
  });
  const counter = el("p", { id: "shop-assistant-counter", class: "sa-counter" });
  const warning = el("p", { id: "shop-assistant-warning", class: "sa-warning", role: "alert" });
  const send = el("button", { type: "submit", id: "shop-assistant-send", class: "sa-button" }, t("send"));
  const element = el(
    "form",
    { id: "shop-assistant-form", class: "sa-composer" },
    el("label", { for: input.id, class: "sa-visually-hidden" }, t("input_label")),
    input,
    el("div", { class: "sa-composer-row" }, counter, send),
    warning,
  );
  const update = () => {
    counter.textContent = t("counter", { count: input.value.length, max: maxLength });
    if (warning.textContent && !containsCardNumber(input.value) && !containsCardAuthData(input.value)) warning.textContent = "";
  };
  update();
  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      element.requestSubmit();
    }
  });
  element.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || send.disabled) return;
    if (text.length > maxLength) return void (warning.textContent = t("too_long"));
    if (containsCardNumber(text)) return void (warning.textContent = t("card_number"));
    if (containsCardAuthData(text)) return void (warning.textContent = t("card_details"));
    warning.textContent = "";
    input.value = "";
    update();
    onSend(text);
  });
  return {
    element,
    input,
    busy(on) {
      send.disabled = on;
    },
  };
}

// The message list: a polite ARIA live log. While an answer streams the log is
// aria-busy, so screen readers read the finished answer once instead of every token.
import { clear, el } from "./dom";
import type { Translate } from "./strings";

export interface Bubble {
  element: HTMLElement;
  append(text: string): void;
  addCard(card: HTMLElement | null): void;
}

export interface Transcript {
  element: HTMLElement;
  add(role: "user" | "assistant", text?: string, kind?: "error"): Bubble;
  typing(on: boolean): void;
  /** Empties the log (the shopper deleted the conversation). */
  clear(): void;
}

export function createTranscript(t: Translate): Transcript {
  const log = el("div", { id: "shop-assistant-log", role: "log", "aria-live": "polite", "aria-label": t("log_label") });
  const indicator = el(
    "p",
    { id: "shop-assistant-typing", class: "sa-typing", role: "status", hidden: true },
    el("span", { class: "sa-dots", "aria-hidden": "true" }, el("span"), el("span"), el("span")),
    el("span", { class: "sa-visually-hidden" }, t("typing")),
  );
  const element = el("div", { class: "sa-transcript" }, log, indicator);
  // The panel body around the transcript is what scrolls (it is position:relative, so
  // offsetTop is measured from its top). It follows new text down, but never past the
  // start of the newest answer: a long answer or its cards loading must not push its
  // first line out of view (the shopper scrolls on when ready).
  let answer: HTMLElement | null = null;
  const scroll = () => {
    const scroller = element.parentElement;
    if (scroller) scroller.scrollTop = Math.min(scroller.scrollHeight, answer ? answer.offsetTop - 8 : Infinity);
  };

  return {
    element,
    add(role, text = "", kind) {
      const body = el("span", { class: "sa-text" }, text);
      const cards = el("div", { class: "sa-cards" });
      const bubble = el(
        "div",
        { class: `sa-msg sa-${role}${kind ? " sa-" + kind : ""}` },
        el("span", { class: "sa-visually-hidden" }, `${t(role === "user" ? "you" : "bot")}: `),
        body,
        cards,
      );
      log.append(bubble);
      answer = role === "assistant" ? bubble : null;
      scroll();
      return {
        element: bubble,
        append(more) {
          body.textContent += more;
          scroll();
        },
        addCard(card) {
          if (card) cards.append(card);
          scroll();
        },
      };
    },
    clear() {
      clear(log);
      answer = null;
    },
    typing(on) {
      indicator.hidden = !on;
      log.setAttribute("aria-busy", String(on));
      scroll();
    },
  };
}

// "Talk to a person" and "Find a guest order": buttons that open their form in the
// panel; only one form is open at a time and Cancel returns focus to its button. The
// caller adds these only once the shopper has consented (when that is asked), and the
// guest-order button is in the DOM only while a conversation exists: what is not in
// the DOM cannot be shown by a page's CSS. So are "Download this conversation" (the
// export, saved through a Blob URL) and "Delete this conversation" (confirmed in the
// panel; then the widget forgets the conversation and starts fresh).
import type { WidgetConfig } from "../config";
import { describeVerifyFailure } from "./api";
import type { Conversation } from "./conversation";
import { clear, el } from "./dom";
import { buildForm, leadFieldSpecs, verifyFieldSpecs, type FieldSpec } from "./forms";
import type { Translate } from "./strings";
import type { Transcript } from "./transcript";

type Submit = (values: Record<string, string | boolean>) => Promise<string | null>;

export function createActions(config: WidgetConfig, t: Translate, conversation: Conversation, transcript: Transcript, onFresh: () => void) {
  const forms = el("div", { id: "shop-assistant-forms" });
  const element = el("div", { class: "sa-actions" });
  const buttons: Record<string, HTMLButtonElement> = {};

  function action(id: string, label: string, formId: string, intro: string, fields: FieldSpec[], submitLabel: string, submit: Submit) {
    const button = el("button", { type: "button", id, class: "sa-link-button", "aria-expanded": "false" }, label);
    const done = () => {
      clear(forms);
      button.setAttribute("aria-expanded", "false");
      button.focus();
    };
    button.addEventListener("click", () => {
      clear(forms);
      const form = buildForm(formId, intro, fields, submitLabel, t, done);
      form.element.addEventListener("submit", async (event) => {
        event.preventDefault();
        const submitButton = form.element.querySelector("button[type=submit]") as HTMLButtonElement;
        submitButton.disabled = true;
        const error = await submit(form.values());
        submitButton.disabled = false;
        if (error) form.status(error);
        else done();
      });
      forms.append(form.element);
      button.setAttribute("aria-expanded", "true");
      form.element.scrollIntoView({ block: "nearest" });
      form.first()?.focus();
    });
    element.append(button);
    buttons[id] = button;
  }

  action(
    "shop-assistant-handoff",
    t("handoff"),
    "shop-assistant-lead",
    t("lead_intro"),
    leadFieldSpecs(config.leadFields, t),
    t("lead_submit"),
    async (values) => {
      const { consent, ...fields } = values;
      if (consent !== true) return t("lead_consent");
      const { error } = await conversation.lead(fields);
      if (!error) transcript.add("assistant", t("lead_sent")); // conversation.lead remembered it for a reload
      return error || null;
    },
  );

  if (config.orderLookup && config.orderVerification === "logged_in_or_email") {
    action(
      "shop-assistant-verify-open",
      t("verify_open"),
      "shop-assistant-verify",
      t("verify_intro"),
      verifyFieldSpecs(t),
      t("verify_submit"),
      async (values) => {
        const { error, failure } = await conversation.verifyOrder(String(values.orderNumber), String(values.email));
        if (error) return failure ? describeVerifyFailure(failure, t) : error;
        transcript.add("assistant", t("verify_ok"));
        return null;
      },
    );
  }
  // The shopper's own copy and erasure of the conversation, offered while one exists.
  const note = (text: string, error?: boolean) =>
    forms.append(el("p", { role: "status", class: error ? "sa-form-status" : undefined }, text));
  const download = el("button", { type: "button", id: "shop-assistant-download", class: "sa-link-button" }, t("download"));
  download.addEventListener("click", async () => {
    clear(forms);
    const { value, error } = await conversation.exportJson();
    if (error) return note(error, true);
    const href = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: "application/json" }));
    const link = el("a", { href, download: "conversation.json", rel: "noopener", hidden: true });
    forms.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  });
  const remove = el(
    "button",
    { type: "button", id: "shop-assistant-delete", class: "sa-link-button", "aria-expanded": "false" },
    t("delete"),
  );
  remove.addEventListener("click", () => {
    clear(forms);
    const yes = el("button", { type: "button", class: "sa-button" }, t("delete_yes"));
    const no = el("button", { type: "button", class: "sa-link-button" }, t("cancel"));
    const status = el("p", { role: "status", class: "sa-form-status" });
    const close = () => {
      clear(forms);
      remove.setAttribute("aria-expanded", "false");
    };
    no.addEventListener("click", () => (close(), remove.focus()));
    yes.addEventListener("click", async () => {
      yes.disabled = true;
      const error = await conversation.remove();
      yes.disabled = false;
      if (error) return void (status.textContent = error);
      close();
      transcript.clear();
      note(t("deleted"));
      onFresh();
    });
    forms.append(
      el(
        "div",
        { id: "shop-assistant-delete-confirm", class: "sa-form" },
        el("p", {}, t("delete_confirm")),
        el("div", { class: "sa-form-actions" }, yes, no),
        status,
      ),
    );
    remove.setAttribute("aria-expanded", "true");
    yes.focus();
  });

  const own = el("span", { class: "sa-own" }, download, remove);

  return {
    element,
    forms,
    /** Verification binds an order to a conversation, so it is offered once one exists; so are download and delete. */
    refresh() {
      const has = conversation.hasConversation();
      for (const button of [buttons["shop-assistant-verify-open"], own]) {
        if (button && has) element.append(button);
        else button?.remove();
      }
    },
    openLead() {
      if (!forms.querySelector("#shop-assistant-lead")) buttons["shop-assistant-handoff"]?.click();
    },
  };
}

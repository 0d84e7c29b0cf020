// "Talk to a person" and "Find a guest order": buttons that open their form in the
// panel; only one form is open at a time and Cancel returns focus to its button. The
// caller adds these only once the shopper has consented (when that is asked), and the
// guest-order button is in the DOM only while a conversation exists: what is not in
// the DOM cannot be shown by a page's CSS.
import type { WidgetConfig } from "../config";
import { describeVerifyFailure } from "./api";
import type { Conversation } from "./conversation";
import { clear, el } from "./dom";
import { buildForm, leadFieldSpecs, verifyFieldSpecs, type FieldSpec } from "./forms";
import type { Translate } from "./strings";
import type { Transcript } from "./transcript";

type Submit = (values: Record<string, string | boolean>) => Promise<string | null>;

export function createActions(config: WidgetConfig, t: Translate, conversation: Conversation, transcript: Transcript) {
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

  action("shop-assistant-handoff", t("handoff"), "shop-assistant-lead", t("lead_intro"), leadFieldSpecs(config.leadFields, t), t("lead_submit"), async (values) => {
    const { consent, ...fields } = values;
    if (consent !== true) return t("lead_consent");
    const { error } = await conversation.lead(fields);
    if (!error) transcript.add("assistant", t("lead_sent")); // conversation.lead remembered it for a reload
    return error || null;
  });

  if (config.orderLookup && config.orderVerification === "logged_in_or_email") {
    action("shop-assistant-verify-open", t("verify_open"), "shop-assistant-verify", t("verify_intro"), verifyFieldSpecs(t), t("verify_submit"), async (values) => {
      const { error, failure } = await conversation.verifyOrder(String(values.orderNumber), String(values.email));
      if (error) return failure ? describeVerifyFailure(failure, t) : error;
      transcript.add("assistant", t("verify_ok"));
      return null;
    });
  }
  return {
    element,
    forms,
    /** Verification binds an order to a conversation, so it is offered once one exists. */
    refresh() {
      const verify = buttons["shop-assistant-verify-open"];
      if (verify && conversation.hasConversation()) element.append(verify);
      else verify?.remove();
    },
    openLead() {
      if (!forms.querySelector("#shop-assistant-lead")) buttons["shop-assistant-handoff"]?.click();
    },
  };
}

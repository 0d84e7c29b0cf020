// The two small forms of the panel: "talk to a person" (lead) and guest order
// verification. Each is a plain <form> with labelled fields; the caller sends it.
import { el } from "./dom";
import type { LeadField } from "../config";
import type { Translate } from "./strings";
import type { MaxLeadMessageLength } from "../../../../app/contracts/limits";

/** The server's limit for a lead's message; a different number here is a compile error. */
const LEAD_MESSAGE_MAX: MaxLeadMessageLength = 2000;

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "email" | "tel" | "textarea" | "checkbox";
  required?: boolean;
  autocomplete?: string;
}

export interface FormView {
  element: HTMLFormElement;
  values(): Record<string, string | boolean>;
  status(text: string): void;
  first(): HTMLElement | null;
}

export function buildForm(
  id: string,
  intro: string,
  fields: FieldSpec[],
  submitLabel: string,
  t: Translate,
  onCancel: () => void,
): FormView {
  const status = el("p", { class: "sa-form-status", role: "alert" });
  const cancel = el("button", { type: "button", class: "sa-link-button" }, t("cancel"));
  cancel.addEventListener("click", onCancel);
  const rows = fields.map((field) => {
    const fieldId = `${id}-${field.name}`;
    const common = { id: fieldId, name: field.name, required: !!field.required, autocomplete: field.autocomplete };
    const input =
      field.type === "textarea"
        ? el("textarea", { ...common, rows: 3, maxlength: LEAD_MESSAGE_MAX })
        : el("input", { ...common, type: field.type || "text", maxlength: field.type === "checkbox" ? undefined : 200 });
    const label = el("label", { for: fieldId }, field.label);
    return el(
      "div",
      { class: `sa-field sa-field-${field.type || "text"}` },
      ...(field.type === "checkbox" ? [input, label] : [label, input]),
    );
  });
  const element = el(
    "form",
    { id, class: "sa-form", "aria-label": intro },
    el("p", {}, intro),
    ...rows,
    el("div", { class: "sa-form-actions" }, el("button", { type: "submit", class: "sa-button" }, submitLabel), cancel),
    status,
  );
  return {
    element,
    values() {
      const out: Record<string, string | boolean> = {};
      for (const node of Array.from(element.querySelectorAll<HTMLInputElement>("input,textarea"))) {
        out[node.name] = node.type === "checkbox" ? node.checked : node.value.trim();
      }
      return out;
    },
    status(text) {
      status.textContent = text;
      // On a phone the error may sit below the fold of the panel: bring it into view.
      status.scrollIntoView({ block: "nearest" });
    },
    first: () => element.querySelector<HTMLElement>("input,textarea"),
  };
}

const LEAD_SPECS: Record<LeadField, Omit<FieldSpec, "label">> = {
  name: { name: "name", autocomplete: "name" },
  email: { name: "email", type: "email", autocomplete: "email" },
  phone: { name: "phone", type: "tel", autocomplete: "tel" },
  message: { name: "message", type: "textarea" },
};

/** Only the fields the merchant collects; a way to reach the shopper is required. */
export function leadFieldSpecs(fields: LeadField[], t: Translate): FieldSpec[] {
  const contact = fields.includes("email") ? "email" : fields.includes("phone") ? "phone" : null;
  return [
    ...fields.map((field) => ({ ...LEAD_SPECS[field], label: t(field), required: field === contact })),
    { name: "consent", type: "checkbox", label: t("lead_consent"), required: true },
  ];
}

export function verifyFieldSpecs(t: Translate): FieldSpec[] {
  return [
    { name: "orderNumber", label: t("order_number"), required: true, autocomplete: "off" },
    { name: "email", type: "email", label: t("email"), required: true, autocomplete: "email" },
  ];
}

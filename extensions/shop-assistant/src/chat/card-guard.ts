// Blocks card data before it leaves the browser: any Luhn-valid run of 13-19 digits,
// with spaces, dashes or dots allowed between digits, and security codes or expiry dates
// introduced by their words (en, fr, de, es) or following a card number. The server
// redacts all of it too (app/infra/text/redact-text.ts, with longer word lists); this
// guard exists so the data is never sent at all, and stays small for the byte budget.

const DIGIT_RUN = /\d(?:[ .-]?\d)*/g;

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const isCard = (digits: string) => digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);

/** A card may sit next to other numbers ("qty 2 4111 1111 ..."): try each span of whole digit groups. */
function containsCardInGroups(groups: string[]): boolean {
  for (let i = 0; i < groups.length; i++) {
    let digits = "";
    for (let j = i; j < groups.length && digits.length <= 19; j++) {
      digits += groups[j];
      if (isCard(digits)) return true;
    }
  }
  return false;
}

export function containsCardNumber(text: string): boolean {
  for (const run of text.match(DIGIT_RUN) ?? []) {
    if (isCard(run.replace(/\D/g, "")) || containsCardInGroups(run.split(/[ .-]/))) return true;
  }
  return false;
}

const SECURITY =
  /\b(cvv2?|cvc2?|cvn|cvd|csc|cid|security (code|number)|verification (code|value)|pin( code)?|cryptogramme|code (de )?(securite|verification|confidentiel)|(karten)?pruf(nummer|ziffer|code)|sicherheitscode|geheimzahl|codigo (de seguridad|cvv)|nip)\b\D{0,25}\d{3,6}\b|\b\d{3,4} ?(cvv|cvc)\b/;
const EXPIRY =
  /\b(exp(iry|ires|iration|ire)?( date)?|valid (thru|through|until)|good thru|(date d.)?expiration|valable|gultig bis|ablaufdatum|verfallsdatum|ablauf|(fecha de )?(caducidad|vencimiento)|caduca|vence|expira)\b\D{0,15}(0?[1-9]|1[0-2]) ?[/.-] ?\d{2}(\d{2})?\b/;
const DATE = /\b(0?[1-9]|1[0-2]) ?\/ ?\d{2}(\d{2})?\b/;

/** A security code or an expiry date of a card (sensitive authentication data, PCI DSS 3.3.1). */
export function containsCardAuthData(text: string): boolean {
  const folded = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  return SECURITY.test(folded) || EXPIRY.test(folded) || (containsCardNumber(text) && DATE.test(folded));
}

// Redaction before anything leaves the request: storage, logs and the model.
// Card numbers are always redacted (we never need them; keeping the last four lets a
// shopper see which card they meant). Emails and phone numbers only when the merchant
// chooses, because some shops want them in the transcript for follow-up.

// Runs of digits with at most one separator (space, dash, dot) between digits.
const DIGIT_RUN = /\d(?:[ .\-\u00a0]?\d)*/g;

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Finds the card-like windows (13–19 Luhn-valid digits) inside one run of digits. */
function cardWindows(digits: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  let start = 0;
  while (start + 13 <= digits.length) {
    let found = 0;
    for (let len = Math.min(19, digits.length - start); len >= 13; len--) {
      if (isLuhnValid(digits.slice(start, start + len))) {
        found = len;
        break;
      }
    }
    if (found) {
      windows.push([start, start + found]);
      start += found;
    } else {
      start += 1;
    }
  }
  return windows;
}

/** Replaces every Luhn-valid 13–19 digit sequence (spaces, dashes, dots allowed) with "[card •••• 1234]". */
export function redactCardNumbers(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    const positions: number[] = [];
    for (let i = 0; i < run.length; i++) if (run[i]! >= "0" && run[i]! <= "9") positions.push(i);
    if (positions.length < 13) return run;
    const digits = positions.map((p) => run[p]).join("");
    // Every 13–19 digit window is checked, not only the whole run: a card glued to
    // other digits ("1 4111 1111 1111 1111", "4111111111111111 12 26") must not leak.
    const windows = cardWindows(digits);
    if (windows.length === 0) return run;
    let out = "";
    let cursor = 0;
    for (const [from, to] of windows) {
      const startChar = positions[from]!;
      const endChar = positions[to - 1]! + 1;
      out += run.slice(cursor, startChar) + `[card •••• ${digits.slice(to - 4, to)}]`;
      cursor = endChar;
    }
    return out + run.slice(cursor);
  });
}

/** true when the text holds anything redactCardNumbers would replace. */
export function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/\D/g, "");
    if (digits.length >= 13 && cardWindows(digits).length > 0) return true;
  }
  return false;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// 7–15 digits, optional leading +, with spaces, dashes, dots or brackets between groups.
const PHONE = /(?<![\w])\+?\(?\d[\d ().\-\u00a0]{5,}\d(?![\w])/g;

export interface ContactRedaction {
  emails: boolean;
  phones: boolean;
}

/** Replaces emails with "[email]" and phone numbers with "[phone]" as the merchant chose. */
export function redactContactDetails(text: string, choice: ContactRedaction): string {
  let out = text;
  if (choice.emails) out = out.replace(EMAIL, "[email]");
  if (choice.phones) {
    out = out.replace(PHONE, (match) => {
      const digitCount = match.replace(/\D/g, "").length;
      if (/^\d{4}-\d{2}-\d{2}$/.test(match)) return match; // an ISO date, not a phone
      return digitCount >= 7 && digitCount <= 15 ? "[phone]" : match;
    });
  }
  return out;
}

/** Card numbers, emails and phone numbers out of free text (error messages, logs). */
export function redactPersonalData(text: string): string {
  return redactCardNumbers(redactContactDetails(text, { emails: true, phones: true }));
}

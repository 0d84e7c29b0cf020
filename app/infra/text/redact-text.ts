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

/**
 * All card data out of free text, before storage, logs and the model: every Luhn-valid
 * 13–19 digit sequence (spaces, dashes, dots allowed) becomes "[card •••• 1234]", and the
 * security code (CVV/CVC/CID, PIN) and expiry date next to a card word or a card number
 * become "[security code]" and "[expiry]" (redactCardAuthData). PCI DSS 3.3.1: sensitive
 * authentication data is never kept, not even with the number gone.
 */
export function redactCardNumbers(text: string): string {
  return redactCardAuthData(redactCardNumberDigits(text));
}

/** Only the card numbers: "[card •••• 1234]" for every Luhn-valid 13–19 digit sequence. */
export function redactCardNumberDigits(text: string): string {
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

// --- Security codes and expiry dates -------------------------------------------------
// In the languages the widget speaks (extensions/shop-assistant/locales: en, fr, de, es).
// A keyword is matched as a whole word (letters on neither side), case-insensitively.
// Written lower case without accents; text is compared after the same folding.

/** Words for the card security code and the PIN (sensitive authentication data). */
const SECURITY_CODE_WORDS = [
  // en
  "cvv",
  "cvv2",
  "cvc",
  "cvc2",
  "cvn",
  "cid",
  "csc",
  "cvd",
  "security code",
  "security number",
  "card verification code",
  "card verification value",
  "card verification number",
  "verification value",
  "pin",
  "pin code",
  "pin number",
  // fr
  "cryptogramme",
  "cryptogramme visuel",
  "code de securite",
  "code securite",
  "code de verification",
  "code confidentiel",
  "code pin",
  // de
  "prufnummer",
  "kartenprufnummer",
  "prufziffer",
  "sicherheitscode",
  "kartenprufcode",
  "geheimzahl",
  "pin-nummer",
  "pin-code",
  // es
  "codigo de seguridad",
  "codigo cvv",
  "codigo de verificacion",
  "numero de seguridad",
  "clave",
  "nip",
];

/** Words that introduce an expiry date. */
const EXPIRY_WORDS = [
  // en
  "exp",
  "expiry",
  "expiry date",
  "exp date",
  "expires",
  "expiring",
  "expiration",
  "expiration date",
  "valid thru",
  "valid through",
  "valid until",
  "good thru",
  "good through",
  // fr
  "expire",
  "expiration",
  "date d'expiration",
  "date d'exp",
  "valable jusqu'au",
  "valide jusqu'au",
  "fin de validite",
  "date de validite",
  "validite",
  // de
  "gultig bis",
  "ablaufdatum",
  "verfallsdatum",
  "lauft ab",
  "ablauf",
  "gultigkeit",
  "verfallt",
  "verfall",
  // es
  "caducidad",
  "fecha de caducidad",
  "caduca",
  "vencimiento",
  "fecha de vencimiento",
  "vence",
  "valida hasta",
  "expira",
  "expiracion",
  "fecha de expiracion",
];

/** Words that say a card is being talked about (a bare date near one is an expiry). */
const CARD_WORDS = [
  "card",
  "credit card",
  "debit card",
  "visa",
  "mastercard",
  "master card",
  "amex",
  "american express",
  "discover",
  "maestro",
  "carte",
  "carte bancaire",
  "carte de credit",
  "cb",
  "karte",
  "kreditkarte",
  "ec-karte",
  "girokarte",
  "bankkarte",
  "tarjeta",
  "tarjeta de credito",
  "tarjeta de debito",
];

/**
 * One character folded: lower case, accents removed, typographic apostrophes as "'", as
 * many UTF-16 units as the character (indexes stay valid).
 */
export function foldChar(char: string): string {
  if (char === "\u2019" || char === "\u02bc") return "'";
  const base = char
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const folded = base.length === 1 ? base : char.toLowerCase().length === 1 ? char.toLowerCase() : "?";
  return folded.length === char.length ? folded : folded.padEnd(char.length, "?");
}

const NON_ASCII = /[^\p{ASCII}]/gu;

/**
 * The text with every character folded by foldChar, so patterns are matched case- and
 * accent-blind at the original's indexes. Only the non-ASCII characters take foldChar's
 * way (Unicode normalisation per character was about 95 % of the time of folding a text
 * with a single "€" or "–" in it); lower-casing the rest at once gives the same, as
 * ASCII's lower case is one character for one and a folded character is already lower
 * case (the property test compares the two on random Unicode text).
 */
export function fold(text: string): string {
  return text.replace(NON_ASCII, foldChar).toLowerCase();
}

const words = (list: string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|");
const WORD = (list: string[]) => `(?<![\\p{L}\\p{N}])(?:${words(list)})(?![\\p{L}])`;

// keyword, then up to 25 characters that are no digit, line break or sentence end ("cvv is 123", "CVV: 123").
const GAP = "[^\\d\\n.!?]{0,25}?";
const MONTH_YEAR = "(?<!\\d)(?:0?[1-9]|1[0-2])\\s?[/\\-.]\\s?(?:20\\d{2}|\\d{2})(?!\\d)";
const CODE = "(?<![\\d/])\\d{3,4}(?![\\d/])";
const PIN_OR_CODE = "(?<![\\d/])\\d{3,6}(?![\\d/])";

const SECURITY_AFTER_WORD = new RegExp(`(${WORD(SECURITY_CODE_WORDS)}${GAP})(${PIN_OR_CODE})`, "gu");
const SECURITY_BEFORE_WORD = new RegExp(
  `(${CODE})(?=[\\s:(),\\-]{0,3}(?:(?:is|est|ist|es)\\s+)?(?:(?:my|the|mon|le|mein|meine|die|der|mi|el)\\s+)?${WORD(SECURITY_CODE_WORDS)})`,
  "gu",
);
const EXPIRY_AFTER_WORD = new RegExp(`(${WORD(EXPIRY_WORDS)}${GAP})(${MONTH_YEAR})`, "gu");
const BARE_DATE = /(?<!\d)(?:0?[1-9]|1[0-2])\s?\/\s?(?:20\d{2}|\d{2})(?!\d)/g;
/** Every keyword of the rules below (the card-auth-data property test draws from all of them). */
export const CARD_AUTH_WORDS: readonly string[] = [...CARD_WORDS, ...SECURITY_CODE_WORDS, ...EXPIRY_WORDS];
const CARD_CONTEXT = new RegExp(`${WORD([...CARD_AUTH_WORDS])}|\\[card •••• \\d{4}\\]`, "gu");
// Right after a card number: an expiry (any separator, "12 26" too) and a 3–4 digit code, in either order.
// A card number typed next to its expiry can take the month into its Luhn window ("…79 3/24"):
// a lone "/24" or 2-digit group right after the card is the rest of the expiry.
const AFTER_CARD =
  /(\[card •••• \d{4}\])((?:[\s,;:/-]{0,3}(?:\[expiry\]|\[security code\]|\d{1,2}[\s/\-.]{1,3}(?:20\d{2}|\d{2})(?!\d)|\d{2,4}(?![\d/])))+)/g;
const AFTER_EXPIRY = /(\[expiry\][\s,;:-]{1,3})(\d{3,4})(?![\d/])/g;
const EXPIRY_PART = /(?<!\d)\d{1,2}[\s/\-.]{1,3}(?:20\d{2}|\d{2})(?!\d)/g;

/** How far (characters) a bare MM/YY may be from a card word or card number to count as its expiry. */
const NEAR = 40;

/** Replaces `pattern` matches in `text`, finding them in the folded text (same indexes). */
function replaceFolded(text: string, pattern: RegExp, replace: (groups: string[], original: string) => string): string {
  const folded = fold(text);
  let out = "";
  let cursor = 0;
  for (const match of folded.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    const groups = match.slice(1).map((g) => g ?? "");
    // Groups are prefixes of the match: rebuild them from the original text.
    const originals: string[] = [];
    let offset = start;
    for (const group of groups) {
      originals.push(text.slice(offset, offset + group.length));
      offset += group.length;
    }
    out += text.slice(cursor, start) + replace(originals, text.slice(start, end));
    cursor = end;
  }
  return out + text.slice(cursor);
}

/**
 * Security codes and expiry dates next to card words (in en, fr, de, es) or a redacted
 * card number: "cvv 123", "123 is my CVC", "exp 12/29", "Karte ... 12/29", "[card •••• 1111]
 * 12/29 123". Run after the card numbers are redacted (redactCardNumbers does both).
 */
export function redactCardAuthData(text: string): string {
  // Every code and date it redacts has digits (a redacted card number too), and every rule
  // starts from an anchor CARD_CONTEXT finds: a card, security-code or expiry word (the
  // "[expiry]" and "[security code]" markers hold theirs) or a redacted card number. Most
  // text (a question about a product, the model's answer) has none, and one search for
  // them costs a fraction of running every rule (card redaction was about 4 % of a chat
  // turn's CPU in a profile). The property test checks that this never changes the result
  // (card-auth-data.property.test.ts).
  if (!/\d/.test(text) || fold(text).search(CARD_CONTEXT) === -1) return text;
  return applyCardAuthRules(text);
}

/** The rules of redactCardAuthData on any text, without its shortcut (exported for the property test that compares them). */
export function applyCardAuthRules(text: string): string {
  // Expiry dates first: their year ("1 / 2024") must not be taken for a code.
  let out = replaceFolded(text, EXPIRY_AFTER_WORD, ([lead]) => `${lead}[expiry]`);
  out = replaceFolded(out, SECURITY_AFTER_WORD, ([lead]) => `${lead}[security code]`);
  out = replaceFolded(out, SECURITY_BEFORE_WORD, () => "[security code]");
  out = out.replace(
    AFTER_CARD,
    (_all, card: string, rest: string) =>
      card +
      rest
        .replace(EXPIRY_PART, "[expiry]")
        .replace(/(?<![\d[])\d{3,4}(?![\d/\]])/g, "[security code]")
        .replace(/(?<![\d[])\d{2}(?![\d\]])/g, "[expiry]"),
  );
  // A bare MM/YY near a card word or a card number.
  const anchors = [...fold(out).matchAll(CARD_CONTEXT)].map((m) => [m.index, m.index + m[0].length] as const);
  if (anchors.length > 0) {
    out = out.replace(BARE_DATE, (date, offset: number) => {
      const near = anchors.some(([from, to]) => Math.max(from - (offset + date.length), offset - to) <= NEAR);
      return near ? "[expiry]" : date;
    });
  }
  out = out.replace(AFTER_EXPIRY, (_all, lead: string) => `${lead}[security code]`);
  return out;
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

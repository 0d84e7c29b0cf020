// Blocks card numbers before they leave the browser: any Luhn-valid run of 13-19 digits,
// with spaces, dashes or dots allowed between digits. The server redacts too; this guard
// exists so the number is never sent at all.

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

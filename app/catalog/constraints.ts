// Basic mode's reading of a product question's constraints, in en, de, fr, es, nl and it:
// a price limit or range ("under 120", "unter 50 €", "moins de 30 euros", "between 20 and
// 40", "zwischen 20 und 40"), a size ("in XL", "Größe 42", "taille M"), a colour and "in
// stock". What is understood is taken out of the text, so the words left name the product.
// The AI mode's search tool takes the same constraints as arguments instead.
import { CONCEPTS, foldText, searchWordsOf, type Concept } from "./vocabulary";

export interface ProductConstraints {
  minPrice?: number;
  maxPrice?: number;
  size?: string;
  /** The colour concept's words in every language (a variant option or the title names one). */
  color?: string[];
  colorName?: string;
  inStock?: boolean;
}

const NUMBER = String.raw`(\d{1,6}(?:[.,]\d{1,2})?)`;
const CURRENCY = String.raw`(?:\s*(?:€|eur|euros?|\$|usd|dollars?|£|gbp|pounds?|chf|fr\.?|franken|francs?|dkk|kr\.?|kroner|kronen|couronnes?))?`;
const AMOUNT = `${CURRENCY}\\s*${NUMBER}${CURRENCY}`;

const BETWEEN = ["between", "zwischen", "entre", "tussen", "tra", "fra", "from", "von", "de", "van", "da"];
const AND = ["and", "und", "et", "y", "en", "e", "to", "bis", "a", "tot", "-"];
const UNDER = [
  "under",
  "below",
  "less than",
  "cheaper than",
  "max",
  "maximum",
  "up to",
  "at most",
  "no more than",
  "unter",
  "unterhalb von",
  "bis",
  "bis zu",
  "weniger als",
  "hochstens",
  "maximal",
  "billiger als",
  "moins de",
  "sous",
  "jusqu a",
  "au maximum",
  "max",
  "pas plus de",
  "moins cher que",
  "menos de",
  "por debajo de",
  "hasta",
  "como maximo",
  "mas barato que",
  "onder",
  "minder dan",
  "tot",
  "maximaal",
  "hooguit",
  "goedkoper dan",
  "meno di",
  "sotto",
  "fino a",
  "al massimo",
  "massimo",
];
const OVER = [
  "over",
  "above",
  "more than",
  "at least",
  "from",
  "min",
  "minimum",
  "uber",
  "mehr als",
  "mindestens",
  "ab",
  "plus de",
  "au moins",
  "a partir de",
  "dessus de",
  "mas de",
  "por encima de",
  "desde",
  "al menos",
  "boven",
  "meer dan",
  "minstens",
  "vanaf",
  "piu di",
  "sopra",
  "almeno",
  "oltre",
];
const IN_STOCK = [
  "in stock",
  "available now",
  "available",
  "on stock",
  "auf lager",
  "lieferbar",
  "vorratig",
  "verfugbar",
  "en stock",
  "disponible",
  "disponibles",
  "en existencia",
  "disponibles",
  "hay stock",
  "op voorraad",
  "leverbaar",
  "beschikbaar",
  "disponibile",
  "disponibili",
  "in magazzino",
];
const SIZE_WORDS = ["size", "sizes", "grosse", "gr", "taille", "talla", "maat", "taglia", "in"];
const LETTER_SIZES = ["xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl"];

const alt = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|");

function amount(text: string): number {
  return Number(text.replace(",", "."));
}

/** The constraints in `message`, and the message without them. */
export function constraintsIn(message: string): { constraints: ProductConstraints; rest: string } {
  let text = ` ${foldText(message).replace(/[?!¿¡;:()"“”«»]/g, " ")} `;
  const constraints: ProductConstraints = {};
  const take = (re: RegExp, apply: (m: RegExpExecArray) => boolean) => {
    const m = re.exec(text);
    if (m && apply(m)) text = text.slice(0, m.index) + " " + text.slice(m.index + m[0].length);
  };

  // Ranges first: "between 20 and 40", "zwischen 20 und 40 €", "20-40 euros".
  take(new RegExp(`\\s(?:${alt(BETWEEN)})\\s${AMOUNT}\\s*(?:${alt(AND)})\\s*${AMOUNT}(?=\\s)`), (m) => {
    const [a, b] = [amount(m[1]!), amount(m[2]!)];
    [constraints.minPrice, constraints.maxPrice] = a <= b ? [a, b] : [b, a];
    return true;
  });
  if (constraints.maxPrice === undefined) {
    take(new RegExp(`\\s${AMOUNT}\\s*-\\s*${AMOUNT}(?=\\s)`), (m) => {
      const [a, b] = [amount(m[1]!), amount(m[2]!)];
      [constraints.minPrice, constraints.maxPrice] = a <= b ? [a, b] : [b, a];
      return true;
    });
  }
  if (constraints.maxPrice === undefined) {
    take(new RegExp(`\\s(?:${alt(UNDER)})\\s${AMOUNT}(?=\\s)`), (m) => ((constraints.maxPrice = amount(m[1]!)), true));
    take(
      new RegExp(
        `\\s${NUMBER}\\s*(?:€|eur|euros?|\\$|£|chf)?\\s*(?:max|maximum|or less|oder weniger|ou moins|o menos|of minder|o meno)(?=\\s)`,
      ),
      (m) => ((constraints.maxPrice = amount(m[1]!)), true),
    );
  }
  if (constraints.minPrice === undefined) {
    take(new RegExp(`\\s(?:${alt(OVER)})\\s${AMOUNT}(?=\\s)`), (m) => ((constraints.minPrice = amount(m[1]!)), true));
  }
  take(new RegExp(`\\s(?:${alt(IN_STOCK)})(?=\\s)`), () => ((constraints.inStock = true), true));

  // Sizes: "in XL", "size M", "Größe 42", "taille 44", "talla L".
  take(new RegExp(`\\s(?:${alt(SIZE_WORDS)})\\.?\\s(${alt(LETTER_SIZES)}|\\d{2}(?:[.,]5)?)(?=\\s)`), (m) => {
    // "in" alone only introduces a letter size or a shoe size, never a price or a year.
    constraints.size = m[1]!.toUpperCase().replace(",", ".");
    return true;
  });

  // One colour: the first colour word named.
  const colours = CONCEPTS.filter((c) => c.kind === "color");
  let first: { concept: Concept; index: number; word: string } | undefined;
  for (const concept of colours) {
    for (const word of searchWordsOf(concept)) {
      const m = new RegExp(`\\s${alt([word])}(?=\\s)`).exec(text);
      if (m && (!first || m.index < first.index)) first = { concept, index: m.index, word };
    }
  }
  if (first) {
    constraints.color = searchWordsOf(first.concept);
    constraints.colorName = first.word;
    text = text.slice(0, first.index) + " " + text.slice(first.index + first.word.length + 1);
  }
  return { constraints, rest: text.replace(/\s+/g, " ").trim() };
}

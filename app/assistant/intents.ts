// Keyword intent detection for basic mode, in English, French, German, Spanish, Dutch and Italian.
// Deterministic on purpose: it runs when there is no model to ask.
import { policyTypesMentioned } from "../knowledge/policy-topics";
import { normalizeForMatch } from "./content-guard";

export type Language = "en" | "fr" | "de" | "es" | "nl" | "it";
export type Intent = "human" | "order" | "policy" | "product" | "unknown";

const WORDS: Record<Exclude<Intent, "policy" | "unknown">, Record<"en" | "fr" | "de" | "es", string[]>> = {
  human: {
    en: [
      "human",
      "person",
      "agent",
      "someone",
      "somebody",
      "real person",
      "talk to",
      "speak to",
      "customer service",
      "support team",
      "contact you",
    ],
    fr: ["humain", "personne", "conseiller", "conseillere", "quelqu un", "parler a", "service client"],
    de: ["mensch", "mitarbeiter", "person", "jemand", "sprechen", "kundendienst", "kundenservice"],
    es: ["humano", "persona", "agente", "alguien", "hablar con", "atencion al cliente"],
  },
  order: {
    en: [
      "my order",
      "order status",
      "where is my",
      "track",
      "tracking",
      "package",
      "parcel",
      "shipped yet",
      "delivered",
      "order #",
      "order number",
    ],
    fr: ["ma commande", "commande", "suivi", "suivre", "colis", "ou est", "livree", "expediee"],
    de: ["bestellung", "sendung", "verfolgen", "sendungsverfolgung", "paket", "wo ist", "geliefert", "versendet"],
    es: ["mi pedido", "pedido", "seguimiento", "rastrear", "paquete", "donde esta", "entregado", "enviado"],
  },
  product: {
    en: [
      "looking for",
      "do you have",
      "do you sell",
      "search",
      "find",
      "buy",
      "price",
      "cost",
      "in stock",
      "available",
      "size",
      "recommend",
      "product",
    ],
    fr: ["je cherche", "cherche", "avez vous", "vendez", "acheter", "prix", "combien", "en stock", "disponible", "taille", "produit"],
    de: ["ich suche", "suche", "habt ihr", "haben sie", "kaufen", "preis", "kostet", "auf lager", "verfugbar", "grosse", "produkt"],
    es: ["busco", "buscando", "tienen", "venden", "comprar", "precio", "cuesta", "en stock", "disponible", "talla", "producto"],
  },
};

// Dutch and Italian, kept apart so the four original tables stay readable.
const MORE_WORDS: Record<Exclude<Intent, "policy" | "unknown">, Record<"nl" | "it", string[]>> = {
  human: {
    nl: ["medewerker", "met iemand", "een mens", "klantenservice", "persoon"],
    it: ["operatore", "una persona", "parlare con", "servizio clienti", "assistenza clienti"],
  },
  order: {
    nl: ["mijn bestelling", "bestelling", "pakket", "waar is", "verzonden", "bezorgd"],
    it: ["mio ordine", "ordine", "spedito", "pacco", "dov e", "consegnato"],
  },
  product: {
    nl: ["hebben jullie", "ik zoek", "verkopen jullie", "kopen", "prijs", "op voorraad", "maat"],
    it: ["avete", "cerco", "vendete", "quanto costa", "comprare", "prezzo", "disponibile", "taglia"],
  },
};

const GREETING: Record<Language, string[]> = {
  en: ["hello", "hi", "thanks", "please", "what", "where", "how", "the", "you"],
  fr: ["bonjour", "merci", "quel", "quelle", "est", "les", "vous", "je", "mon", "ma", "pour", "moins", "des", "avez", "combien", "entre"],
  de: [
    "hallo",
    "danke",
    "bitte",
    "wie",
    "ist",
    "der",
    "die",
    "das",
    "ich",
    "mein",
    "meine",
    "und",
    "habt",
    "ihr",
    "unter",
    "zwischen",
    "gibt",
  ],
  es: [
    "hola",
    "gracias",
    "por favor",
    "que",
    "donde",
    "como",
    "el",
    "la",
    "mi",
    "los",
    "para",
    "teneis",
    "tienes",
    "hay",
    "menos",
    "cuanto",
  ],
  nl: [
    "hallo",
    "goedemorgen",
    "goedendag",
    "goedenavond",
    "bedankt",
    "dank je",
    "alstublieft",
    "wat",
    "waar",
    "hoe",
    "het",
    "een",
    "mijn",
    "jullie",
    "ik",
    "zijn",
    "hebben",
    "onder",
    "voor",
  ],
  it: [
    "ciao",
    "buongiorno",
    "grazie",
    "per favore",
    "dove",
    "il",
    "mio",
    "mia",
    "sono",
    "vorrei",
    "avete",
    "meno",
    "quanto",
    "della",
    "posso",
  ],
};

const LANGUAGES: Language[] = ["en", "fr", "de", "es", "nl", "it"];

const wordsOf = (intent: keyof typeof WORDS, lang: Language): string[] =>
  lang === "nl" || lang === "it" ? MORE_WORDS[intent][lang] : WORDS[intent][lang];

function hits(text: string, words: string[]): number {
  return words.reduce((n, w) => n + (text.includes(` ${normalizeForMatch(w)} `) ? 1 : 0), 0);
}

/** The shopper's language: the one whose words the message uses most; the storefront locale breaks ties. */
export function detectLanguage(message: string, locale?: string): Language {
  const text = ` ${normalizeForMatch(message)} `;
  const fromLocale = LANGUAGES.find((l) => locale?.toLowerCase().startsWith(l));
  let best: Language = fromLocale ?? "en";
  let bestScore = 0;
  for (const lang of LANGUAGES) {
    let score = hits(text, GREETING[lang]);
    for (const intent of Object.keys(WORDS) as Array<keyof typeof WORDS>) score += hits(text, wordsOf(intent, lang));
    if (score > bestScore || (score === bestScore && lang === fromLocale)) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}

export function detectIntent(message: string): Intent {
  const text = ` ${normalizeForMatch(message)} `;
  const any = (intent: keyof typeof WORDS) => LANGUAGES.some((l) => hits(text, wordsOf(intent, l)) > 0);
  if (any("human")) return "human";
  if (any("order") || /#\s?\d{3,}/.test(message)) return "order";
  if (policyTypesMentioned(message).length > 0) return "policy";
  if (any("product")) return "product";
  return "unknown";
}

/** "#1001" or "order 1001" in the message, if any. */
export function orderNameIn(message: string): string | undefined {
  const match =
    /#\s?(\d{3,10})\b/.exec(message) ?? /\b(?:order|commande|bestellung|pedido|bestelling|ordine)\D{0,12}(\d{3,10})\b/i.exec(message);
  return match ? `#${match[1]}` : undefined;
}

const STOPWORDS = new Set(
  normalizeForMatch(
    "a an the and or for with to of in on at is are do does you your have has i me my we our any some please can could would like want need show hello hi hey hallo bonjour hola ciao goedemorgen goedendag buongiorno buonasera morgen bonsoir buenos dias " +
      "looking search find buy price cost stock available product products recommend sell something " +
      "je cherche avez vous vendez acheter prix combien en stock disponible produit un une des le la les du de pour avec mon ma mes est quel quelle " +
      "ich suche habt ihr haben sie kaufen preis kostet auf lager verfugbar produkt ein eine einen der die das mit fur und mein meine " +
      "busco buscando tienen venden comprar precio cuesta disponible producto un una unos el la los las de con para y mi algo",
  ).split(" "),
);

/** The words of a product question that name the product. */
export function productTermsIn(message: string): string {
  return normalizeForMatch(message)
    .split(" ")
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w))
    .join(" ");
}

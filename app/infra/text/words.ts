// Word helpers shared by the catalog's vocabulary and the knowledge search: diacritics
// folding and the words (en, de, fr, es, nl, it) that never name a product or a topic.

/** Lower case, no diacritics, ß as ss: "Größe" → "grosse". */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .normalize("NFKC");
}

// Words that never name a product, in the six languages (folded).
export const STOPWORDS = new Set(
  foldText(
    "a an the and or for with to of in on at is are do does you your have has i me my we our any some please can could would like want need show " +
      "looking search find buy price cost stock available product products recommend sell something got there what which one ones hi hello " +
      "je cherche avez vous vendez acheter prix combien en stock disponible produit un une des le la les du de pour avec mon ma mes est quel quelle auriez bonjour " +
      "ich suche habt ihr haben sie kaufen preis kostet auf lager verfugbar produkt ein eine einen der die das mit fur und mein meine hallo gibt es welche " +
      "busco buscando tienen teneis tiene venden comprar precio cuesta disponible producto un una unos el la los las de con para y mi algo hola hay por " +
      "ik zoek zoeken hebben jullie heeft kopen verkopen verkoopt prijs kost beschikbaar product een het de van met voor en mijn graag iets hallo goedemorgen goedendag " +
      "cerco cercando avete vendete comprare prezzo costa disponibile prodotto uno una il lo gli di con per e mio mia qualcosa ciao buongiorno ci sono",
  ).split(" "),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(foldText(word));
}

// Basic mode's multilingual catalog vocabulary: the shopper's words (en, de, fr, es, nl, it)
// mapped to concepts whose words the search sends to the Admin API. Without a model
// nobody translates "Wanderschuhe" or "bonnet en laine" into the catalog's language; this
// table does, for the words a clothing and outdoor shop's catalog uses: garment types,
// footwear, bags, accessories, colours, materials and a few features.
//
// Matching folds diacritics ("Mütze" = "mutze"), stems each word with the Snowball
// stemmer of every supported language (@orama/stemmers: "Wanderschuhe" ~ "wanderschuh"),
// and splits German and Dutch compounds into known parts ("Regenjacke" = regen + jacke).
// A concept's search words are its words in every language: the catalog's primary
// language is not known without another scope, and a product matches whichever it uses.
// Server-side only (the stemmers stay out of the widget bundle).
import { stemmer as stemDe } from "@orama/stemmers/german";
import { stemmer as stemEn } from "@orama/stemmers/english";
import { stemmer as stemEs } from "@orama/stemmers/spanish";
import { stemmer as stemFr } from "@orama/stemmers/french";
import { stemmer as stemIt } from "@orama/stemmers/italian";
import { stemmer as stemNl } from "@orama/stemmers/dutch";
import { foldText, isStopword, STOPWORDS } from "../infra/text/words";

export { foldText, isStopword };

export const CATALOG_LANGUAGES = ["en", "de", "fr", "es", "nl", "it"] as const;
export type CatalogLanguage = (typeof CATALOG_LANGUAGES)[number];

const STEMMERS: Record<CatalogLanguage, (word: string) => string> = {
  en: stemEn,
  de: stemDe,
  fr: stemFr,
  es: stemEs,
  nl: stemNl,
  it: stemIt,
};

export type ConceptKind = "type" | "color" | "material" | "feature";

export interface Concept {
  id: string;
  kind: ConceptKind;
  words: Record<CatalogLanguage, string[]>;
}

const c = (id: string, kind: ConceptKind, en: string, de: string, fr: string, es: string, nl: string, it: string): Concept => ({
  id,
  kind,
  words: Object.fromEntries(
    Object.entries({ en, de, fr, es, nl, it }).map(([lang, list]) => [
      lang,
      list
        .split(",")
        .map((w) => w.trim())
        .filter(Boolean),
    ]),
  ) as Record<CatalogLanguage, string[]>,
});

// The first words of each language are the ones a catalog most likely uses.
export const CONCEPTS: Concept[] = [
  // Garment types
  c(
    "tee",
    "type",
    "tee,t-shirt,tshirt",
    "t-shirt,tshirt",
    "t-shirt,tee-shirt,tshirt",
    "camiseta,playera",
    "t-shirt,shirt",
    "maglietta,t-shirt",
  ),
  c("shirt", "type", "shirt,blouse", "hemd,bluse", "chemise,chemisier", "camisa,blusa", "overhemd,blouse", "camicia,camicetta"),
  c(
    "hoodie",
    "type",
    "hoodie,sweatshirt,crewneck",
    "hoodie,kapuzenpullover,kapuzenpulli,sweatshirt",
    "sweat,sweat-shirt,capuche",
    "sudadera",
    "hoodie,trui",
    "felpa",
  ),
  c(
    "sweater",
    "type",
    "sweater,jumper,pullover,cardigan,knitwear",
    "pullover,pulli,strickjacke,cardigan",
    "pull,pull-over,gilet,cardigan",
    "jersey,sueter,chaqueta de punto,cardigan",
    "trui,vest,cardigan",
    "maglione,cardigan",
  ),
  c(
    "jacket",
    "type",
    "jacket,shell,coat,parka,puffer,anorak",
    "jacke,mantel,parka,daunenjacke,anorak",
    "veste,blouson,manteau,parka,doudoune",
    "chaqueta,abrigo,cazadora,parka,plumifero",
    "jas,jack,parka",
    "giacca,giubbotto,cappotto,parka,piumino",
  ),
  c("socks", "type", "socks,sock", "socken,socke,strumpfe", "chaussettes,chaussette", "calcetines,calcetin", "sokken,sok", "calzini,calze"),
  c(
    "hat",
    "type",
    "hat,beanie,cap,visor,trapper",
    "mutze,hut,kappe,beanie,cap",
    "bonnet,chapeau,casquette",
    "gorro,sombrero,gorra",
    "muts,mutsen,hoed,pet",
    "cappello,berretto,cuffia",
  ),
  c("backpack", "type", "backpack,daypack,rucksack", "rucksack,tagesrucksack", "sac a dos", "mochila", "rugzak", "zaino"),
  c("bag", "type", "bag,tote,duffel,pannier", "tasche,beutel,reisetasche", "sac,sacoche,cabas", "bolsa,bolso", "tas", "borsa,borsone"),
  c(
    "shoes",
    "type",
    "shoes,boots,sneakers,runners,trainers,slides,footwear",
    "schuhe,schuh,stiefel,turnschuhe,sneaker",
    "chaussures,bottes,baskets,chaussure",
    "zapatos,zapatillas,botas,calzado",
    "schoenen,schoen,laarzen,sneakers",
    "scarpe,scarponi,stivali,sneakers",
  ),
  c(
    "bottle",
    "type",
    "bottle,flask",
    "flasche,trinkflasche",
    "bouteille,gourde",
    "botella,cantimplora",
    "fles,drinkfles",
    "bottiglia,borraccia",
  ),
  c("belt", "type", "belt", "gurtel", "ceinture", "cinturon", "riem", "cintura"),
  c("gaiter", "type", "gaiter,scarf,neck", "schal,halstuch", "echarpe,cache-cou", "bufanda,braga", "sjaal", "sciarpa,scaldacollo"),
  c(
    "lamp",
    "type",
    "headlamp,lamp,torch",
    "stirnlampe,lampe",
    "lampe frontale,lampe",
    "linterna frontal,linterna",
    "hoofdlamp,lamp",
    "lampada frontale,torcia",
  ),
  // Colours
  c("black", "color", "black", "schwarz", "noir,noire", "negro,negra", "zwart", "nero,nera"),
  c("white", "color", "white", "weiss", "blanc,blanche", "blanco,blanca", "wit", "bianco,bianca"),
  c("grey", "color", "grey,gray", "grau", "gris,grise", "gris", "grijs", "grigio,grigia"),
  c("blue", "color", "blue,navy", "blau,marine", "bleu,bleue,marine", "azul,marino", "blauw", "blu,azzurro"),
  c("red", "color", "red", "rot", "rouge", "rojo,roja", "rood", "rosso,rossa"),
  c("green", "color", "green,olive,forest", "grun,oliv", "vert,verte,olive", "verde,oliva", "groen,olijf", "verde,oliva"),
  c("beige", "color", "beige,sand", "beige,sand", "beige,sable", "beige,arena", "beige,zand", "beige,sabbia"),
  c("steel", "color", "steel,silver", "stahl,silber", "acier,argent", "acero,plata", "staal,zilver", "acciaio,argento"),
  // Materials
  c("wool", "material", "wool,merino", "wolle,woll,merino", "laine,merinos", "lana,merino", "wol,merino", "lana,merino"),
  c("cotton", "material", "cotton", "baumwolle,baumwoll", "coton", "algodon", "katoen", "cotone"),
  c("leather", "material", "leather", "leder", "cuir", "cuero,piel", "leer", "pelle,cuoio"),
  c("fleece", "material", "fleece", "fleece", "polaire", "forro polar,polar", "fleece", "pile"),
  c("down", "material", "down", "daunen", "duvet", "plumas", "dons", "piuma"),
  c("denim", "material", "denim,jeans", "jeans,denim", "jean,denim", "vaquero,mezclilla", "spijkerstof,denim", "jeans,denim"),
  c("canvas", "material", "canvas", "canvas,segeltuch", "toile", "lona", "canvas", "tela"),
  // Features
  c(
    "waterproof",
    "feature",
    "waterproof,water-resistant",
    "wasserdicht,wasserfest",
    "impermeable",
    "impermeable",
    "waterdicht",
    "impermeabile",
  ),
  c("warm", "feature", "warm,insulated", "warm,gefuttert", "chaud,chaude,chauds", "calido,abrigado", "warm", "caldo,calda"),
  c(
    "hiking",
    "feature",
    "hiking,trail,trek",
    "wandern,wander,trekking",
    "randonnee,rando",
    "senderismo,montana,trekking",
    "wandelen,wandel",
    "escursionismo,trekking",
  ),
  c("running", "feature", "running,run", "laufen,lauf,jogging", "running", "correr,running", "hardlopen,hardloop", "corsa,running"),
  c("rain", "feature", "rain", "regen", "pluie", "lluvia", "regen", "pioggia"),
  c("winter", "feature", "winter,cold", "winter,kalte", "hiver,froid", "invierno,frio", "winter,kou", "inverno,freddo"),
  c("summer", "feature", "summer,sun", "sommer,sonne", "ete,soleil", "verano,sol", "zomer,zon", "estate,sole"),
  c("water", "feature", "water,drink", "wasser,trink", "eau", "agua", "water,drink", "acqua"),
  c("travel", "feature", "travel,weekend", "reise,reisen", "voyage", "viaje", "reis", "viaggio"),
  c("cycling", "feature", "cycling,bike", "fahrrad,rad", "velo", "bicicleta,ciclismo", "fiets", "bici,bicicletta"),
  c("ski", "feature", "ski", "ski", "ski", "esqui", "ski", "sci"),
  c("laptop", "feature", "laptop", "laptop", "ordinateur portable", "portatil", "laptop", "portatile"),
];

function stems(word: string): Array<[CatalogLanguage, string]> {
  return CATALOG_LANGUAGES.map((lang) => [lang, STEMMERS[lang](word)]);
}

interface Index {
  byStem: Map<string, Concept>;
  phrases: Array<{ phrase: string; concept: Concept }>;
  parts: Array<{ part: string; concept: Concept }>;
}

let index: Index | undefined;

function buildIndex(): Index {
  const byStem = new Map<string, Concept>();
  const phrases: Index["phrases"] = [];
  const parts: Index["parts"] = [];
  for (const concept of CONCEPTS) {
    for (const lang of CATALOG_LANGUAGES) {
      for (const raw of concept.words[lang]) {
        const word = foldText(raw);
        if (word.includes(" ")) {
          phrases.push({ phrase: word, concept });
          continue;
        }
        byStem.set(`${lang}:${STEMMERS[lang](word)}`, concept);
        byStem.set(`=${word}`, concept);
        if (word.length >= 4 && (lang === "de" || lang === "nl")) parts.push({ part: word, concept });
      }
    }
  }
  parts.sort((a, b) => b.part.length - a.part.length);
  phrases.sort((a, b) => b.phrase.length - a.phrase.length);
  return { byStem, phrases, parts };
}

function conceptOfWord(word: string, idx: Index): Concept | undefined {
  const exact = idx.byStem.get(`=${word}`);
  if (exact) return exact;
  for (const [lang, stem] of stems(word)) {
    const found = idx.byStem.get(`${lang}:${stem}`);
    if (found) return found;
  }
  return undefined;
}

/** A German or Dutch compound made of known words: "wanderschuhe" → hiking + shoes. */
function compoundConcepts(word: string, idx: Index): Concept[] | undefined {
  if (word.length < 7) return undefined;
  for (const { part, concept } of idx.parts) {
    if (!word.startsWith(part)) continue;
    let rest = word.slice(part.length);
    if (rest.startsWith("s") && rest.length > 4 && !conceptOfWord(rest, idx)) rest = rest.slice(1); // Fugen-s
    if (rest.length < 3) continue;
    const tail = conceptOfWord(rest, idx) ?? compoundConcepts(rest, idx)?.[0];
    if (tail) return [concept, tail];
  }
  return undefined;
}

export interface ShopperWords {
  /** Concepts named, in order of mention (no duplicates). */
  concepts: Concept[];
  /** Words the vocabulary does not know (brand names, "merino" stays as it is). */
  unknown: string[];
}

/** The concepts and the remaining words of a product question (constraints already removed). */
export function conceptsIn(text: string): ShopperWords {
  const idx = (index ??= buildIndex());
  let folded = ` ${foldText(text).replace(/[^\p{L}\p{N}-]+/gu, " ")} `;
  const concepts: Concept[] = [];
  const add = (concept: Concept) => {
    if (!concepts.includes(concept)) concepts.push(concept);
  };
  for (const { phrase, concept } of idx.phrases) {
    if (folded.includes(` ${phrase} `)) {
      add(concept);
      folded = folded.replace(` ${phrase} `, " ");
    }
  }
  const unknown: string[] = [];
  for (const word of folded.split(" ")) {
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    const concept = conceptOfWord(word, idx);
    if (concept) {
      add(concept);
      continue;
    }
    const parts = compoundConcepts(word, idx);
    if (parts) parts.forEach(add);
    else if (word.includes("-")) {
      const inner = conceptsIn(word.replace(/-/g, " "));
      inner.concepts.forEach(add);
      unknown.push(...inner.unknown);
    } else if (word.length >= 3) unknown.push(word);
  }
  return { concepts, unknown };
}

/** Every word of a concept, in every language: what the Admin search ORs for it. */
export function searchWordsOf(concept: Concept): string[] {
  return [...new Set(CATALOG_LANGUAGES.flatMap((lang) => concept.words[lang]).map(foldText))];
}

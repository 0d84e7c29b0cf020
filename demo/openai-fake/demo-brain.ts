// The fake's default "model" for `npm run demo` and end-to-end tests: deterministic,
// picks a tool from keywords like a real model would, then words the tool results in
// the shopper's language. It only calls tools the request offers.
import { detectIntent, detectLanguage, orderNameIn, productTermsIn, type Language } from "../../app/assistant/intents";
import { constraintsIn } from "../../app/catalog/constraints";
import { conceptsIn } from "../../app/catalog/vocabulary";
import type { ChatCompletionBody, FakeReply } from "./types";

/**
 * What a real model does with a product question: translate the shopper's words into the
 * catalog's language (English here) and put price, size, colour and stock into the search
 * tool's arguments. The fake uses basic mode's vocabulary for it.
 */
function searchArguments(userText: string, terms: string): Record<string, unknown> {
  const { constraints, rest } = constraintsIn(userText);
  const { concepts, unknown } = conceptsIn(rest);
  const query = [...concepts.map((c) => c.words.en[0]), ...unknown].join(" ") || terms;
  return {
    query,
    ...(constraints.minPrice !== undefined ? { minPrice: constraints.minPrice } : {}),
    ...(constraints.maxPrice !== undefined ? { maxPrice: constraints.maxPrice } : {}),
    ...(constraints.size ? { size: constraints.size } : {}),
    ...(constraints.colorName ? { color: constraints.colorName } : {}),
    ...(constraints.inStock ? { inStock: true } : {}),
  };
}

const SAY: Record<Language, Record<string, string>> = {
  en: {
    products: "Here are some products that match:",
    none: "I couldn't find a matching product.",
    inStock: "in stock",
    soldOut: "sold out",
    order: "Your order {name} is {status}.",
    tracking: "Tracking: {t}.",
    noOrder: "I can't find that order among the orders verified for you.",
    verify: "To see your order, please log in or verify the order with its number and email in the chat.",
    policy: "Here is what our store says:",
    handoff: "A person from our team will get back to you. Please fill in the contact form.",
    failed: "Sorry, I can't look that up right now. A person can help if you like.",
    hello: "Hi! I can help with our products, your orders and our store policies.",
    details: "{title} costs {price}. Options: {options}.",
  },
  fr: {
    products: "Voici des produits qui correspondent :",
    none: "Je n'ai trouvé aucun produit correspondant.",
    inStock: "en stock",
    soldOut: "épuisé",
    order: "Votre commande {name} est : {status}.",
    tracking: "Suivi : {t}.",
    noOrder: "Je ne trouve pas cette commande parmi vos commandes vérifiées.",
    verify: "Pour voir votre commande, connectez-vous ou vérifiez-la avec son numéro et votre e-mail dans la conversation.",
    policy: "Voici ce que dit notre boutique :",
    handoff: "Une personne de notre équipe vous répondra. Merci de remplir le formulaire de contact.",
    failed: "Désolé, je ne peux pas consulter cela pour le moment. Une personne peut vous aider.",
    hello: "Bonjour ! Je peux vous aider pour nos produits, vos commandes et nos conditions.",
    details: "{title} coûte {price}. Options : {options}.",
  },
  de: {
    products: "Diese Produkte passen:",
    none: "Ich habe kein passendes Produkt gefunden.",
    inStock: "auf Lager",
    soldOut: "ausverkauft",
    order: "Ihre Bestellung {name}: {status}.",
    tracking: "Sendungsverfolgung: {t}.",
    noOrder: "Diese Bestellung gehört nicht zu Ihren bestätigten Bestellungen.",
    verify: "Um Ihre Bestellung zu sehen, melden Sie sich an oder bestätigen Sie sie mit Nummer und E-Mail im Chat.",
    policy: "Das sagt unser Shop dazu:",
    handoff: "Jemand aus unserem Team meldet sich bei Ihnen. Bitte füllen Sie das Kontaktformular aus.",
    failed: "Das kann ich gerade nicht nachsehen. Ein Mensch hilft Ihnen gern.",
    hello: "Hallo! Ich helfe bei Produkten, Bestellungen und unseren Richtlinien.",
    details: "{title} kostet {price}. Optionen: {options}.",
  },
  es: {
    products: "Estos productos coinciden:",
    none: "No encontré ningún producto.",
    inStock: "disponible",
    soldOut: "agotado",
    order: "Su pedido {name}: {status}.",
    tracking: "Seguimiento: {t}.",
    noOrder: "No encuentro ese pedido entre sus pedidos verificados.",
    verify: "Para ver su pedido, inicie sesión o verifíquelo con su número y su correo en el chat.",
    policy: "Esto dice nuestra tienda:",
    handoff: "Una persona de nuestro equipo le responderá. Rellene el formulario de contacto.",
    failed: "Lo siento, no puedo consultarlo ahora. Una persona puede ayudarle.",
    hello: "¡Hola! Puedo ayudarle con productos, pedidos y nuestras políticas.",
    details: "{title} cuesta {price}. Opciones: {options}.",
  },
  nl: {
    products: "Deze producten passen:",
    none: "Ik heb geen passend product gevonden.",
    inStock: "op voorraad",
    soldOut: "uitverkocht",
    order: "Uw bestelling {name}: {status}.",
    tracking: "Track & trace: {t}.",
    noOrder: "Ik vind die bestelling niet bij uw bevestigde bestellingen.",
    verify: "Log in of bevestig uw bestelling met het nummer en uw e-mailadres in de chat.",
    policy: "Dit zegt onze winkel:",
    handoff: "Iemand van ons team neemt contact met u op. Vul het contactformulier in.",
    failed: "Dat kan ik nu niet opzoeken. Een medewerker helpt u graag.",
    hello: "Hallo! Ik help met producten, bestellingen en ons beleid.",
    details: "{title} kost {price}. Opties: {options}.",
  },
  it: {
    products: "Ecco i prodotti che corrispondono:",
    none: "Non ho trovato un prodotto adatto.",
    inStock: "disponibile",
    soldOut: "esaurito",
    order: "Il suo ordine {name}: {status}.",
    tracking: "Tracciamento: {t}.",
    noOrder: "Non trovo quell'ordine tra i suoi ordini verificati.",
    verify: "Per vedere il suo ordine, acceda o lo verifichi con il numero e l'e-mail nella chat.",
    policy: "Ecco cosa dice il nostro negozio:",
    handoff: "Una persona del nostro team la ricontatterà. Compili il modulo di contatto.",
    failed: "Mi dispiace, ora non posso verificarlo. Una persona può aiutarla.",
    hello: "Ciao! Posso aiutarla con prodotti, ordini e condizioni del negozio.",
    details: "{title} costa {price}. Opzioni: {options}.",
  },
};

function both(a: FakeReply | null, b: FakeReply | null): FakeReply | null {
  const calls = [a, b].flatMap((r) => (r && "toolCalls" in r ? r.toolCalls : []));
  return calls.length ? { toolCalls: calls } : null;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

function lastUserText(body: ChatCompletionBody): string {
  return [...body.messages].reverse().find((m) => m.role === "user")?.content ?? "";
}

export function demoBrain(body: ChatCompletionBody): FakeReply {
  const offered = new Set((body.tools ?? []).map((t) => t.function.name));
  const last = body.messages[body.messages.length - 1];
  const userText = lastUserText(body);
  const say = SAY[detectLanguage(userText)];
  if (last?.role === "tool") return { text: wordResults(body, say) };

  const call = (name: string, args: Record<string, unknown>): FakeReply | null =>
    offered.has(name) ? { toolCalls: [{ name, arguments: args }] } : null;
  const intent = detectIntent(userText);
  const orderName = orderNameIn(userText);
  const terms = productTermsIn(userText);
  const search = terms ? searchArguments(userText, terms) : null;
  const reply =
    (intent === "human" && call("request_human", {})) ||
    (intent === "order" && (orderName ? call("order_status", { orderName }) : call("my_orders", {}))) ||
    (intent === "policy" && call("store_policies", { question: userText.slice(0, 300) })) ||
    (intent === "product" && search && call("search_products", search)) ||
    // Not obviously a product question: look in the FAQ and the catalog at once.
    (search && both(call("store_policies", { question: userText.slice(0, 300) }), call("search_products", search))) ||
    null;
  return reply ?? { text: say.hello! };
}

function wordResults(body: ChatCompletionBody, say: Record<string, string>): string {
  const results: unknown[] = [];
  for (let i = body.messages.length - 1; i >= 0 && body.messages[i]!.role === "tool"; i--) {
    try {
      results.unshift(JSON.parse(body.messages[i]!.content ?? "null"));
    } catch {
      results.unshift(null);
    }
  }
  // Say what was found; mention "nothing found" only when nothing was.
  const isEmpty = (r: any) => !r || r.error === "NO_MATCH" || (Array.isArray(r.products) && r.products.length === 0);
  const useful = results.filter((r) => !isEmpty(r));
  return (useful.length ? useful : results.slice(0, 1)).map((r) => wordOne(r as Record<string, any>, say)).join(" ");
}

function wordOne(result: Record<string, any> | null, say: Record<string, string>): string {
  if (!result) return say.failed!;
  if (result.error === "NOT_VERIFIED") return say.verify!;
  if (result.error) return say.failed!;
  if (Array.isArray(result.products)) {
    if (result.products.length === 0) return say.none!;
    const list = result.products.map((p: any) => `${p.title} (${p.price}, ${p.available ? say.inStock : say.soldOut})`).join("; ");
    return `${say.products} ${list}.`;
  }
  if (result.product) {
    const options = (result.product.options ?? []).map((o: any) => `${o.name}: ${o.values.join(", ")}`).join("; ");
    return fill(say.details!, { title: result.product.title, price: result.product.price, options });
  }
  if (Array.isArray(result.orders)) {
    if (result.orders.length === 0) return say.noOrder!;
    return result.orders
      .map((o: any) => {
        const tracking = (o.tracking ?? []).map((t: any) => `${t.company} ${t.number}`).join(", ");
        return fill(say.order!, { name: o.name, status: o.status }) + (tracking ? ` ${fill(say.tracking!, { t: tracking })}` : "");
      })
      .join(" ");
  }
  if (Array.isArray(result.answers) && result.answers[0]) return `${say.policy} ${String(result.answers[0].text).slice(0, 300)}`;
  if (result.ok) return say.handoff!;
  return say.failed!;
}

// Words that name a store policy, in the languages the basic engine understands.
// Shared by the policy tool (to pick a policy from a model's free-text topic) and the
// basic engine (to pick one from the shopper's message).

export const POLICY_WORDS: Record<string, string[]> = {
  REFUND_POLICY: [
    "refund",
    "return",
    "exchange",
    "money back",
    "rembourse",
    "retour",
    "échange",
    "echange",
    "rückgabe",
    "ruckgabe",
    "rückerstattung",
    "umtausch",
    "erstattung",
    "zurückgeben",
    "devolución",
    "devolucion",
    "reembolso",
    "cambio",
    "devolver",
    "terugsturen",
    "geld terug",
    "ruilen",
    "reso",
    "rimborso",
    "restituire",
    "restituzione",
  ],
  SHIPPING_POLICY: [
    "shipping",
    "delivery",
    "deliver",
    "postage",
    "ship to",
    "livraison",
    "expédition",
    "expedition",
    "frais de port",
    "versand",
    "lieferung",
    "liefern",
    "porto",
    "envío",
    "envio",
    "entrega",
    "gastos de envío",
    "verzending",
    "verzendkosten",
    "bezorging",
    "levering",
    "spedizione",
    "spedire",
    "consegna",
  ],
  PRIVACY_POLICY: [
    "privacy",
    "personal data",
    "gdpr",
    "confidentialité",
    "confidentialite",
    "données personnelles",
    "datenschutz",
    "dsgvo",
    "privacidad",
    "datos personales",
    "rgpd",
    "persoonsgegevens",
    "dati personali",
    "riservatezza",
  ],
  TERMS_OF_SERVICE: [
    "terms",
    "conditions",
    "conditions générales",
    "cgv",
    "agb",
    "geschäftsbedingungen",
    "términos",
    "terminos",
    "condiciones",
    "voorwaarden",
    "termini",
    "condizioni",
  ],
};

export function normalizeText(text: string): string {
  return text.toLowerCase().normalize("NFKC");
}

/** The policy types whose words appear in `text`, most specific first. */
export function policyTypesMentioned(text: string): string[] {
  const lower = normalizeText(text);
  return Object.entries(POLICY_WORDS)
    .filter(([, words]) => words.some((w) => lower.includes(w)))
    .map(([type]) => type);
}

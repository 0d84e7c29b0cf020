// Shopper-readable order status, in the shopper's language where we have it.
// The raw Admin enums ("PARTIALLY_FULFILLED") mean nothing to a shopper.

export type OrderStage = "cancelled" | "delivered" | "in_transit" | "shipped" | "partly_shipped" | "on_hold" | "preparing";

const WORDS: Record<string, Record<OrderStage, string>> = {
  en: {
    cancelled: "Cancelled",
    delivered: "Delivered",
    in_transit: "On its way",
    shipped: "Shipped",
    partly_shipped: "Partly shipped",
    on_hold: "On hold",
    preparing: "Being prepared",
  },
  fr: {
    cancelled: "Annulée",
    delivered: "Livrée",
    in_transit: "En cours de livraison",
    shipped: "Expédiée",
    partly_shipped: "Partiellement expédiée",
    on_hold: "En attente",
    preparing: "En préparation",
  },
  de: {
    cancelled: "Storniert",
    delivered: "Zugestellt",
    in_transit: "Unterwegs",
    shipped: "Versandt",
    partly_shipped: "Teilweise versandt",
    on_hold: "Angehalten",
    preparing: "In Bearbeitung",
  },
  es: {
    cancelled: "Cancelado",
    delivered: "Entregado",
    in_transit: "En camino",
    shipped: "Enviado",
    partly_shipped: "Enviado en parte",
    on_hold: "En espera",
    preparing: "En preparación",
  },
  nl: {
    cancelled: "Geannuleerd",
    delivered: "Bezorgd",
    in_transit: "Onderweg",
    shipped: "Verzonden",
    partly_shipped: "Deels verzonden",
    on_hold: "In de wacht",
    preparing: "Wordt voorbereid",
  },
  it: {
    cancelled: "Annullato",
    delivered: "Consegnato",
    in_transit: "In viaggio",
    shipped: "Spedito",
    partly_shipped: "Spedito in parte",
    on_hold: "In attesa",
    preparing: "In preparazione",
  },
};

export function orderStage(input: {
  cancelledAt: string | null;
  displayFulfillmentStatus: string;
  fulfillmentDisplayStatuses: string[];
}): OrderStage {
  if (input.cancelledAt) return "cancelled";
  const shipments = input.fulfillmentDisplayStatuses;
  if (shipments.length > 0 && shipments.every((s) => s === "DELIVERED")) return "delivered";
  if (shipments.some((s) => s === "IN_TRANSIT" || s === "OUT_FOR_DELIVERY" || s === "ATTEMPTED_DELIVERY")) return "in_transit";
  switch (input.displayFulfillmentStatus) {
    case "FULFILLED":
      return "shipped";
    case "PARTIALLY_FULFILLED":
      return "partly_shipped";
    case "ON_HOLD":
      return "on_hold";
    default:
      return "preparing";
  }
}

export function stageText(stage: OrderStage, locale: string | undefined): string {
  const lang = (locale ?? "en").slice(0, 2).toLowerCase();
  return (WORDS[lang] ?? WORDS.en!)[stage];
}

/** "PARTIALLY_FULFILLED" → "Partially fulfilled" */
export function humanizeEnum(value: string): string {
  const words = value.toLowerCase().split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

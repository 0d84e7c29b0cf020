import type { Card } from "../contracts/cards";

/**
 * What one turn streams to the shopper API, which writes each as an SSE event of the
 * same name. `handoff: true` on done tells the widget to open the contact form.
 */
export type TurnEvent =
  | { type: "delta"; text: string }
  | { type: "card"; card: Card }
  | { type: "done"; messageId: string; mode: "ai" | "basic"; handoff?: true }
  | { type: "error"; code: "UNAVAILABLE" | "INTERNAL"; message: string };

// The shopper's own privacy requests on one conversation, authorised by its token
// (the shopper API, through the app proxy):
//   GET  /conversations/:id/export  → ConversationExport, as a JSON download
//   POST /conversations/:id/delete  → ConversationDeletedResponse
// The widget reads these with the same types (type-only import).
import type { Card } from "./cards";

/** Everything stored for one conversation, and nothing of any other. */
export interface ConversationExport {
  format: "privacy-shop-assistant/conversation-export";
  version: 1;
  shop: string;
  generatedAt: string;
  conversation: {
    id: string;
    startedAt: string;
    lastMessageAt: string;
    locale: string | null;
    /** "open" | "answered" | "handed_off" */
    outcome: string;
    /** The consent record: the shopper's answer to the privacy notice, when and to which version. */
    consent: { state: string; at: string | null; noticeVersion: number | null };
    /** The order a guest verified on this conversation (Shopify order id), if any. */
    verifiedOrder: { id: string | null; at: string | null } | null;
  };
  /** Oldest first. `undecodable: true` (a notice as text, no cards) for a message whose key is no longer configured. */
  messages: Array<{
    role: "shopper" | "assistant";
    text: string;
    cards: Card[];
    mode: "ai" | "basic";
    sentAt: string;
    undecodable?: true;
  }>;
  /** "Talk to a person" requests sent from this conversation, with the consent text shown. */
  leads: ExportedLead[];
  /** Guest order-verification attempts on this conversation (the order and email are kept as keyed hashes only). */
  orderVerifications: Array<{ at: string; success: boolean }>;
}

/** A "Talk to a person" request in an export (the shopper's own and Shopify's customers/data_request), decrypted. */
export interface ExportedLead {
  createdAt: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  message: string | null;
  status: string;
  consent: { at: string; text: string };
}

/** POST /conversations/:id/delete: what was deleted (counts only). */
export interface ConversationDeletedResponse {
  deleted: {
    conversations: number;
    messages: number;
    leads: number;
    orderVerifications: number;
  };
}

// The conversations inbox: server-side keyset pagination with filters, and the
// transcript view (decrypted, audited, access-limited by settings.access).
import { z } from "zod";
import type { Vault } from "../../infra/crypto/crypto.server";
import { loadShopSettings } from "../../settings/shop-settings.server";
import { decodeCursor, pageQuerySchema, toPage, type Page } from "../../infra/http/cursor";
import { zonedDayRange } from "../../admin-ui/i18n/zoned-time";
import { findConversationPage, findConversationWithMessages } from "../store/conversation-rows.server";
import { decodeMessageBody } from "../store/message-body.server";
import { failure, type AuditRecorder, type Database, type Failure, type StaffUser } from "../../infra/admin-ports";
import { canViewTranscripts } from "./transcript-access";

export const CONVERSATIONS_PAGE_SIZE = 25;

export const conversationFilterSchema = pageQuerySchema.extend({
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  outcome: z.enum(["all", "answered", "handed_off", "basic"]).default("all").catch("all"),
});
export type ConversationFilter = z.infer<typeof conversationFilterSchema>;

export interface ConversationRow {
  id: string;
  createdAt: Date;
  lastMessageAt: Date;
  outcome: string;
  basicMode: boolean;
  turnCount: number;
  consentState: string;
  orderVerified: boolean;
}

/** A page of the shop's conversations; `timeZone` is the shop's, the one its filter days are read in. */
export async function listConversations(
  db: Database,
  shop: string,
  filter: ConversationFilter,
  timeZone: string,
): Promise<Page<ConversationRow>> {
  const position = decodeCursor(filter.cursor);
  const rows = await findConversationPage(db, shop, {
    createdAt: zonedDayRange(filter.from, filter.to, timeZone),
    outcome: filter.outcome,
    position,
    direction: filter.direction,
    take: CONVERSATIONS_PAGE_SIZE + 1,
  });
  const page = toPage(rows, CONVERSATIONS_PAGE_SIZE, filter.direction, position !== null);
  return {
    ...page,
    items: page.items.map(({ verifiedAt, ...row }) => ({ ...row, orderVerified: verifiedAt !== null })),
  };
}

export interface TranscriptMessage {
  id: string;
  role: "shopper" | "assistant";
  text: string;
  /** The stored body could not be decrypted (its key is gone); `text` is a placeholder. */
  undecodable: boolean;
  mode: string;
  topic: string | null;
  createdAt: Date;
  /** Card kinds and titles only: the transcript shows what was shown, not raw JSON. */
  cards: { kind: string; title: string }[];
}

export interface Transcript {
  conversation: ConversationRow & { locale: string | null };
  messages: TranscriptMessage[];
}

export type TranscriptFailure = Failure<"TRANSCRIPT_NOT_FOUND" | "TRANSCRIPT_FORBIDDEN">;

export async function viewTranscript(
  deps: { db: Database; vault: Vault; audit: AuditRecorder },
  input: { shop: string; staff: StaffUser; conversationId: string },
): Promise<{ ok: true; transcript: Transcript } | TranscriptFailure> {
  const settings = await loadShopSettings(deps.db, input.shop);
  const access = canViewTranscripts(settings.access, input.staff);
  if (!access.allowed) return failure("TRANSCRIPT_FORBIDDEN", access.reason);
  const row = await findConversationWithMessages(deps.db, input.shop, input.conversationId);
  if (!row) return failure("TRANSCRIPT_NOT_FOUND", "This conversation does not exist or was deleted.");
  const messages = row.messages.map((m) => {
    // A body that cannot be decoded (lost key) shows a placeholder instead of failing the page.
    const body = decodeMessageBody(deps.vault, m);
    return {
      id: m.id,
      role: m.role === "assistant" ? ("assistant" as const) : ("shopper" as const),
      text: body.ok ? body.text : UNDECODABLE_MESSAGE_PLACEHOLDER,
      /** The admin says so in the merchant's language instead of showing the placeholder. */
      undecodable: !body.ok,
      mode: m.mode,
      topic: m.topic,
      createdAt: m.createdAt,
      cards: body.ok ? body.cards.map((c) => ({ kind: c.kind, title: c.kind === "order" ? c.name : c.title })) : [],
    };
  });
  await deps.audit({
    shop: input.shop,
    actor: input.staff.id,
    actorName: input.staff.name,
    action: "transcript.viewed",
    targetType: "conversation",
    targetId: row.id,
    detail: { messages: messages.length },
  });
  return {
    ok: true,
    transcript: {
      conversation: {
        id: row.id,
        createdAt: row.createdAt,
        lastMessageAt: row.lastMessageAt,
        outcome: row.outcome,
        basicMode: row.basicMode,
        turnCount: row.turnCount,
        consentState: row.consentState,
        orderVerified: row.verifiedAt !== null,
        locale: row.locale,
      },
      messages,
    },
  };
}

/** What the transcript shows for a message whose body cannot be decoded (its key is no longer configured). */
export const UNDECODABLE_MESSAGE_PLACEHOLDER = "[this message cannot be decrypted: its key is no longer configured]";

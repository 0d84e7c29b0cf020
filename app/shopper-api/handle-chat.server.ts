// POST /chat: one shopper message in, a stream of SSE events out.
// Order of events: `conversation` {id, token} for a newly stored conversation, then
// the turn's `delta`/`card` events, then `done` or `error`.
//
// Consent before storage: when the shop requires consent and this conversation has
// not accepted it (or declined it), the turn is still answered but nothing is written:
// no conversation row, no messages, no events; the turn runs on an id that is never
// stored and no `conversation` event is sent. The widget asks consent first (POST
// /consent creates the conversation), so this only happens to a shopper who chats
// without answering, or after declining.
import { z } from "zod";
import type { OwnedConversation } from "../conversations/conversation-store.server";
import { newConversationId } from "../conversations/conversation-token";
import { initialConsentState, storagePolicy, type StoragePolicy } from "../conversations/storage-policy";
import { createTranscriptStore } from "../conversations/transcript-store.server";
import type { VerifiedScope } from "../orders/order-access";
import type { ChatTurnEvent } from "./chat-turn";
import type { ShopperApiDeps } from "./deps";
import { conversationNotFound, methodNotAllowed, rateLimited } from "./errors";
import { guardRoute } from "./guard.server";
import { conversationIdField, conversationStoreOf, conversationTokenField, localeField } from "./owned-conversation.server";
import { resolveProxyContext, type ProxyContext } from "./proxy-context.server";
import { readJsonBody } from "./read-json-body";
import { sseResponse } from "./sse";

/** Same limit as the widget's input (PLAN.md widget_config maxMessageLength). */
export const MAX_MESSAGE_LENGTH = 1000;

export const chatBodySchema = z
  .object({
    conversationId: conversationIdField.nullish(),
    conversationToken: conversationTokenField.nullish(),
    message: z.string().trim().min(1, "must not be empty").max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`),
    locale: localeField.nullish(),
  })
  .refine((body) => !body.conversationId === !body.conversationToken, {
    message: "conversationId and conversationToken go together",
    path: ["conversationToken"],
  });

/** What the turn may see: the signed customer, the verified order; nothing when the merchant switched lookups off. */
function verifiedScope(context: ProxyContext, conversation: OwnedConversation | null): VerifiedScope {
  const privacy = context.shop.settings.privacy;
  if (!privacy.orderLookup) return {};
  const scope: VerifiedScope = {};
  if (context.customerId) scope.customerId = context.customerId;
  if (conversation?.verifiedOrderId && privacy.orderVerification === "logged_in_or_email") scope.orderId = conversation.verifiedOrderId;
  return scope;
}

function eventData(event: ChatTurnEvent): [string, unknown] {
  switch (event.type) {
    case "delta":
      return ["delta", { text: event.text }];
    case "card":
      return ["card", event.card];
    case "done":
      return ["done", { messageId: event.messageId, mode: event.mode, ...(event.handoff ? { handoff: true } : {}) }];
    case "error":
      return ["error", { code: event.code, message: event.message }];
  }
}

export function handleChat(request: Request, deps: ShopperApiDeps): Promise<Response> {
  return guardRoute("chat", async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const resolved = await resolveProxyContext(request, deps);
    if (!resolved.ok) return resolved.response;
    const { context } = resolved;
    const body = await readJsonBody(request, chatBodySchema, { tooLargeFields: ["message"] });
    if (!body.ok) return body.response;
    const { conversationId, conversationToken, message, locale } = body.data;

    const conversations = conversationStoreOf(deps);
    let conversation: OwnedConversation | null = null;
    if (conversationId && conversationToken) {
      conversation = await conversations.findOwned(context.shop.shop, conversationId, conversationToken, context.customerId);
      if (!conversation) return conversationNotFound();
    }
    const turnGate = await deps.limits.consumeTurn(conversation?.id ?? `ip:${context.ipKey}`);
    if (!turnGate.ok) return rateLimited(turnGate.retryAfterSeconds);

    const policy: StoragePolicy = storagePolicy(context.shop, conversation?.consentState ?? initialConsentState(context.shop.settings));
    let created: { id: string; token: string } | null = null;
    if (!conversation && policy.persistConversation) {
      created = await conversations.create({
        shop: context.shop.shop,
        customerId: context.customerId,
        consentState: initialConsentState(context.shop.settings),
        locale: locale ?? null,
      });
    }
    const turnConversationId = conversation?.id ?? created?.id ?? newConversationId();
    const history = conversation && policy.persistMessages ? await conversations.readTranscript(context.shop.shop, conversation.id) : [];
    const store = createTranscriptStore({ db: deps.db, vault: deps.vault, policy, now: deps.now });

    return sseResponse({
      signal: request.signal,
      heartbeatMs: deps.heartbeatMs,
      async run(sink) {
        if (created) sink.send("conversation", created);
        const events = deps.chatTurn({
          shop: context.shop,
          conversationId: turnConversationId,
          history,
          conversationTokensUsed: conversation?.tokensUsed ?? 0,
          message,
          locale: locale ?? null,
          scope: verifiedScope(context, conversation),
          store,
          admin: context.admin,
          signal: sink.signal,
        });
        for await (const event of events) {
          if (sink.signal.aborted) break;
          const [name, data] = eventData(event);
          sink.send(name, data);
        }
      },
      onUnexpectedError(_error, sink) {
        console.error("[shopper-api] chat: the turn failed unexpectedly");
        sink.send("error", { code: "UNAVAILABLE", message: "Sorry, something went wrong. Please try again." });
      },
    });
  });
}

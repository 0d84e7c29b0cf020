// POST /chat: one shopper message in, a stream of SSE events out.
// Order of events: `conversation` {id, token} when this turn opened the conversation
// (sent once its row is committed, together with the shopper's message, before any
// answer), then the turn's `delta`/`card` events, then `done` or `error`.
//
// Consent before storage: when the shop requires consent and this conversation has
// not accepted it (or declined it), the turn is still answered but nothing is written:
// no conversation row, no messages, no events; the turn runs on an id that is never
// stored and no `conversation` event is sent. The widget asks consent first (POST
// /consent creates the conversation), so this only happens to a shopper who chats
// without answering, or after declining.
import { MAX_MESSAGE_LENGTH } from "../../contracts/limits";
import type { ChatStreamEventName, ChatStreamEvents } from "../../contracts/chat-events";
import { z } from "zod";
import type { OwnedConversation, PreparedConversation, TranscriptMessage } from "../conversation-store.server";
import { newConversationId } from "../conversation-token";
import { initialConsentState, storagePolicy, type StoragePolicy } from "../storage-policy";
import { createTranscriptStore } from "../transcript-store.server";
import type { VerifiedScope } from "../../orders/order-access";
import type { ChatApiDeps, ChatTurnEvent } from "./chat-turn";
import { containsCardNumber } from "../../infra/text/redact-text";
import {
  conversationIdField,
  conversationStoreOf,
  conversationTokenField,
  localeField,
  ownedConversationOrNotFound,
} from "../owned-conversation.server";
import type { ProxyContext } from "../../storefront-proxy/proxy-context.server";
import { proxyPost } from "../../storefront-proxy/proxy-post.server";
import { countryField } from "./storefront-context";
import { rateLimitedAndRecorded, recordSecurityEvent } from "../../storefront-proxy/security-events.server";
import { sseResponse } from "../../infra/http/sse";
import { admissionOf, turnInProgress, turnKeyOf } from "../../storefront-proxy/admission.server";

export const chatBodySchema = z
  .object({
    conversationId: conversationIdField.nullish(),
    conversationToken: conversationTokenField.nullish(),
    message: z.string().trim().min(1, "must not be empty").max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`),
    locale: localeField.nullish(),
    // Presentation only (prices in the shopper's market); unknown → ignored. See storefront-context.ts.
    country: countryField.optional(),
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

/** One SSE frame of the chat stream, typed by the shopper API's contract. */
type StreamFrame = { [K in ChatStreamEventName]: [K, ChatStreamEvents[K]] }[ChatStreamEventName];

function eventData(event: ChatTurnEvent): StreamFrame {
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

function frame<K extends ChatStreamEventName>(event: K, data: ChatStreamEvents[K]): [K, ChatStreamEvents[K]] {
  return [event, data];
}

interface PreparedTurn {
  conversation: OwnedConversation | null;
  /**
   * Set when this turn opens the conversation: its row is written with the turn's first
   * write (the transcript store), then `event: conversation` tells the browser id and token.
   */
  opening: PreparedConversation | null;
  conversationId: string;
  policy: StoragePolicy;
  history: TranscriptMessage[];
}

/** Finds or starts the conversation and decides what this turn may store; a Response when refused. */
async function prepareTurn(
  deps: ChatApiDeps,
  context: ProxyContext,
  body: z.infer<typeof chatBodySchema>,
): Promise<PreparedTurn | Response> {
  const conversation = await ownedConversationOrNotFound(deps, context, body.conversationId, body.conversationToken);
  if (conversation instanceof Response) return conversation;
  const conversations = conversationStoreOf(deps);
  const turnGate = await deps.limits.consumeTurn(conversation?.id ?? `ip:${context.ipKey}`);
  if (!turnGate.ok)
    return rateLimitedAndRecorded(deps, { shop: context.shop.shop, conversationId: conversation?.id }, turnGate.retryAfterSeconds);

  const initial = initialConsentState(context.shop.settings);
  const policy = storagePolicy(context.shop, conversation?.consentState ?? initial);
  const opening =
    !conversation && policy.persistConversation
      ? conversations.prepare({
          shop: context.shop.shop,
          customerId: context.customerId,
          consentState: initial,
          locale: body.locale ?? null,
        })
      : null;
  const history = conversation && policy.persistMessages ? await conversations.readTranscript(context.shop.shop, conversation.id) : [];
  // Before consent the turn runs on an id that is never written anywhere.
  const conversationId = conversation?.id ?? opening?.id ?? newConversationId();
  return { conversation, opening, conversationId, policy, history };
}

export function handleChat(request: Request, deps: ChatApiDeps): Promise<Response> {
  return proxyPost("chat", request, deps, chatBodySchema, (context, body) => answerTurn(deps, context, body, request.signal), {
    tooLargeFields: ["message"],
  });
}

async function answerTurn(
  deps: ChatApiDeps,
  context: ProxyContext,
  body: z.infer<typeof chatBodySchema>,
  requestSignal: AbortSignal,
): Promise<Response> {
  // One turn per conversation at a time, refused from memory before any database work.
  // Keyed by id and token together: a request with a wrong token cannot hold the
  // owner's conversation (it gets its 404 from prepareTurn).
  const turnKey = body.conversationId ? turnKeyOf(context.shop.shop, body.conversationId, body.conversationToken) : null;
  const releaseTurn = turnKey ? admissionOf(deps).enterTurn(turnKey) : () => undefined;
  if (!releaseTurn) return turnInProgress();
  try {
    return await runAdmittedTurn(deps, context, body, requestSignal, releaseTurn);
  } catch (error) {
    releaseTurn();
    throw error;
  }
}

async function runAdmittedTurn(
  deps: ChatApiDeps,
  context: ProxyContext,
  body: z.infer<typeof chatBodySchema>,
  requestSignal: AbortSignal,
  releaseTurn: () => void,
): Promise<Response> {
  const turn = await prepareTurn(deps, context, body);
  // Checked before the turn redacts it: the widget blocks card numbers, so one
  // arriving here means a bypassed or outdated widget (an incident signal).
  if (containsCardNumber(body.message)) {
    const storedId = turn instanceof Response ? null : (turn.conversation?.id ?? turn.opening?.id ?? null);
    await recordSecurityEvent(deps.db, { shop: context.shop.shop, kind: "card_blocked", conversationId: storedId }, deps.now);
  }
  if (turn instanceof Response) {
    releaseTurn();
    return turn;
  }
  const { opening } = turn;

  return sseResponse({
    signal: requestSignal,
    heartbeatMs: deps.heartbeatMs,
    async run(sink) {
      const store = createTranscriptStore({
        db: deps.db,
        vault: deps.vault,
        policy: turn.policy,
        now: deps.now,
        outcomeAtStart: turn.conversation?.outcome,
        newConversation: opening
          ? { row: opening.row, onStored: () => sink.send(...frame("conversation", { id: opening.id, token: opening.token })) }
          : undefined,
      });
      const events = deps.chatTurn({
        shop: context.shop,
        conversationId: turn.conversationId,
        history: turn.history,
        conversationTokensUsed: turn.conversation?.tokensUsed ?? 0,
        message: body.message,
        locale: body.locale ?? null,
        country: body.country ?? null,
        scope: verifiedScope(context, turn.conversation),
        store,
        admin: context.admin,
        signal: sink.signal,
      });
      try {
        for await (const event of events) {
          if (sink.signal.aborted) break;
          const [name, data] = eventData(event);
          sink.send(name, data);
        }
      } finally {
        releaseTurn();
      }
    },
    onUnexpectedError(_error, sink) {
      console.error("[shopper-api] chat: the turn failed unexpectedly");
      sink.send(...frame("error", { code: "UNAVAILABLE", message: "Sorry, something went wrong. Please try again." }));
    },
  });
}

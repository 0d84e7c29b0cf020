// One conversation with the shopper API: send a message and stream the answer, resume
// the transcript kept for this browser, and the side requests (consent, lead, order
// verification) that all carry the conversation id and its secret token.
import { describeFailure, requestJson, streamEvents, type Failure } from "./api";
import { renderCard, type CardContext } from "./cards";
import { loadSession, saveSession, type Session } from "./session";
import type { Transcript } from "./transcript";
import { obj, type StreamEvent, type UncheckedConversationIds, type UncheckedMessage, type UncheckedTranscript } from "./wire";

export interface ConversationDeps {
  proxy: string; // "/apps/assistant"
  locale: string;
  /** The storefront's country (ISO 3166 alpha-2) or "": prices in the shopper's market. */
  country?: string;
  transcript: Transcript;
  cards: CardContext;
  /** Called when this browser gains or loses its conversation. */
  onSession(): void;
  /** Called when the assistant hands the shopper over to a person (done {handoff: true}). */
  onHandoff(): void;
  /** The notice version the shopper must accept before anything is sent, or 0 when the merchant does not ask. */
  consentVersion: number;
}

/** A side request's body (consent, lead, verification): plain JSON. */
type Body = Record<string, unknown>;
type Reply = { value?: unknown; error?: string; failure?: Failure };

export function createConversation({ proxy, locale, country, transcript, cards, onSession, onHandoff, consentVersion }: ConversationDeps) {
  let session: Session = loadSession();
  const describe = (failure: Failure) => describeFailure(failure, cards.t);
  // The consent step lives here, not only in what the panel shows: before it, nothing is sent.
  const allowed = () => !consentVersion || session.consent === consentVersion;
  const refused: Reply = { error: cards.t("consent_question") };

  function remember(data: unknown): void {
    // A `conversation` event carries {id, token}; a side request's answer {conversation: {id, token}}.
    const d = obj<UncheckedConversationIds & { conversation?: unknown }>(data);
    const c = d.conversation && typeof d.conversation === "object" ? obj<UncheckedConversationIds>(d.conversation) : d;
    if (typeof c.id === "string" && typeof c.token === "string") {
      session = { ...session, id: c.id, token: c.token };
      saveSession(session);
      onSession();
    }
  }

  function forget(failure: Failure): void {
    // A 404 means the conversation is gone (expired, deleted): start a new one next time.
    if (failure.status === 404) {
      session = { consent: session.consent };
      saveSession(session);
      onSession();
    }
  }

  const ids = () => ({ conversationId: session.id, token: session.token });
  // GET /conversations/:id and its /export and /delete: the token goes in a header.
  const at = (path = "") => `${proxy}/conversations/${encodeURIComponent(session.id || "")}${path}`;
  const auth = () => ({ "X-Conversation-Token": session.token || "" });

  async function post(path: string, body: Body): Promise<Reply> {
    const result = await requestJson(proxy + path, { ...ids(), ...body });
    if (!result.ok) return (forget(result.failure), { error: describe(result.failure), failure: result.failure });
    remember(result.value);
    return { value: result.value };
  }

  return {
    hasConversation: () => !!session.id,

    async consent(noticeVersion: number): Promise<string | null> {
      const { error } = await post("/consent", { accepted: true, noticeVersion, locale });
      if (error) return error;
      session = { ...session, consent: noticeVersion };
      saveSession(session);
      return null;
    },

    /** Declining a newer notice tells the server (it deletes the stored messages) and forgets the conversation. */
    async decline(): Promise<void> {
      if (session.id) await post("/consent", { accepted: false, locale });
      session = {};
      saveSession(session);
      onSession();
    },

    allowed,

    async send(message: string): Promise<void> {
      if (!allowed()) return;
      transcript.add("user", message);
      const bubble = transcript.add("assistant");
      transcript.typing(true);
      const failure = await streamEvents(
        proxy + "/chat",
        { conversationId: session.id, conversationToken: session.token, message, locale, ...(country ? { country } : {}) },
        (name, data) => {
          if (name === "conversation") remember(data);
          else if (name === "delta") {
            const { text } = obj<StreamEvent<"delta">>(data);
            if (typeof text === "string") bubble.append(text);
          } else if (name === "card") bubble.addCard(renderCard(data, cards));
          else if (name === "done" && obj<StreamEvent<"done">>(data).handoff === true) onHandoff();
          else if (name === "error") {
            // The stream's errors are UNAVAILABLE or INTERNAL (too many requests is a 429 before the stream).
            bubble.append(describe({ status: 500, code: String(obj<StreamEvent<"error">>(data).code), retryAfter: null }));
            bubble.element.classList.add("sa-error");
          }
        },
      );
      if (failure) {
        forget(failure);
        bubble.append(describe(failure));
        bubble.element.classList.add("sa-error");
      }
      transcript.typing(false);
    },

    /** Shows the transcript kept for this browser; silently starts fresh if it is gone. */
    async resume(): Promise<void> {
      // The lead's confirmation is not a stored message: put it back where it was sent.
      let lead = session.lead;
      const thanks = (before?: unknown) => {
        if (lead && !(Date.parse(String(before)) <= lead)) {
          transcript.add("assistant", cards.t("lead_sent"));
          lead = 0;
        }
      };
      if (session.id && session.token) {
        const result = await requestJson(at(), undefined, auth());
        if (!result.ok) return forget(result.failure);
        const { messages } = obj<UncheckedTranscript>(result.value);
        for (const m of Array.isArray(messages) ? messages.filter((x): x is UncheckedMessage => x && typeof x === "object") : []) {
          thanks(m.createdAt);
          const bubble = transcript.add(m.role === "assistant" ? "assistant" : "user", typeof m.text === "string" ? m.text : "");
          if (Array.isArray(m.cards)) m.cards.forEach((card) => bubble.addCard(renderCard(card, cards)));
        }
      }
      thanks();
    },

    // Empty optional fields are left out rather than sent as "".
    async lead(fields: Body) {
      if (!allowed()) return refused;
      const result = await post("/lead", { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== "")), consent: true });
      if (!result.error) saveSession((session = { ...session, lead: Date.now() }));
      return result;
    },
    /** Everything stored for this conversation (GET …/export), for the shopper's download. */
    async exportJson(): Promise<Reply> {
      const result = await requestJson(at("/export"), undefined, auth());
      if (!result.ok) return (forget(result.failure), { error: describe(result.failure), failure: result.failure });
      return { value: result.value };
    },

    /**
     * Deletes the conversation on the server (a 404: it is gone already), then forgets it
     * here with the consent that was given for it: a new conversation asks again.
     */
    async remove(): Promise<string | null> {
      const result = await requestJson(at("/delete"), {}, auth());
      if (!result.ok && result.failure.status !== 404) return describe(result.failure);
      session = {};
      saveSession(session);
      onSession();
      return null;
    },

    verifyOrder: (orderNumber: string, email: string) =>
      allowed() ? post("/verify-order", { orderNumber, email }) : Promise.resolve(refused),
  };
}

export type Conversation = ReturnType<typeof createConversation>;

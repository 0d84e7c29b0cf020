// One conversation with the shopper API: send a message and stream the answer, resume
// the transcript kept for this browser, and the side requests (consent, lead, order
// verification) that all carry the conversation id and its secret token.
import { describeFailure, requestJson, streamEvents, type Failure } from "./api";
import { renderCard, type CardContext } from "./cards";
import { loadSession, saveSession, type Session } from "./session";
import type { Transcript } from "./transcript";

export interface ConversationDeps {
  proxy: string; // "/apps/assistant"
  locale: string;
  transcript: Transcript;
  cards: CardContext;
  /** Called when this browser gains or loses its conversation. */
  onSession(): void;
  /** Called when the assistant hands the shopper over to a person (done {handoff: true}). */
  onHandoff(): void;
}

type Data = Record<string, any>;

export function createConversation({ proxy, locale, transcript, cards, onSession, onHandoff }: ConversationDeps) {
  let session: Session = loadSession();
  const describe = (failure: Failure) => describeFailure(failure, cards.t);

  function remember(data: unknown): void {
    const d = (data && typeof data === "object" ? data : {}) as Data;
    const c = (d.conversation && typeof d.conversation === "object" ? d.conversation : d) as Data;
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

  async function post(path: string, body: Data): Promise<{ value?: Data; error?: string; failure?: Failure }> {
    const result = await requestJson<Data>(proxy + path, { ...ids(), ...body });
    if (!result.ok) return forget(result.failure), { error: describe(result.failure), failure: result.failure };
    remember(result.value);
    return { value: result.value };
  }

  return {
    hasConsent: (version: number) => session.consent === version,
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

    async send(message: string): Promise<void> {
      transcript.add("user", message);
      const bubble = transcript.add("assistant");
      transcript.typing(true);
      const failure = await streamEvents(proxy + "/chat", { conversationId: session.id, conversationToken: session.token, message, locale }, (name, data) => {
        const d = (data || {}) as Data;
        if (name === "conversation") remember(d);
        else if (name === "delta" && typeof d.text === "string") bubble.append(d.text);
        else if (name === "card") bubble.addCard(renderCard(d, cards));
        else if (name === "done" && d.handoff === true) onHandoff();
        else if (name === "error") {
          const retryAfter = typeof d.retryAfter === "number" ? d.retryAfter : null;
          bubble.append(describe({ status: d.code === "RATE_LIMITED" ? 429 : 500, code: String(d.code), retryAfter }));
          bubble.element.classList.add("sa-error");
        }
      });
      if (failure) {
        forget(failure);
        bubble.append(describe(failure));
        bubble.element.classList.add("sa-error");
      }
      transcript.typing(false);
    },

    /** Shows the transcript kept for this browser; silently starts fresh if it is gone. */
    async resume(): Promise<void> {
      if (!session.id || !session.token) return;
      const url = `${proxy}/conversations/${encodeURIComponent(session.id)}`;
      const result = await requestJson<Data>(url, undefined, { "X-Conversation-Token": session.token });
      if (!result.ok) return forget(result.failure);
      const messages = Array.isArray(result.value.messages) ? result.value.messages : [];
      for (const m of messages as Data[]) {
        const bubble = transcript.add(m.role === "assistant" ? "assistant" : "user", typeof m.text === "string" ? m.text : "");
        if (Array.isArray(m.cards)) m.cards.forEach((card: unknown) => bubble.addCard(renderCard(card, cards)));
      }
    },

    // Empty optional fields are left out rather than sent as "".
    lead: (fields: Data) => post("/lead", { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== "")), consent: true }),
    verifyOrder: (orderNumber: string, email: string) => post("/verify-order", { orderNumber, email }),
  };
}

export type Conversation = ReturnType<typeof createConversation>;

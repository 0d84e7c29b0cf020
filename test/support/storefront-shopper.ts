// A shopper over plain HTTP, the way the widget talks to the app: through the demo
// storefront's app proxy (/apps/assistant/*), which signs each request as Shopify does
// and forwards it to the real app server. Used by the fault and load tests.
export interface ConversationRef {
  id: string;
  token: string;
}

export interface ChatResult {
  status: number;
  events: Array<{ event: string; data: any }>;
  text: string;
  done: { messageId: string; mode: string } | undefined;
  error: { code: string; message: string } | undefined;
  ms: number;
}

const headers = (ip: string) => ({ "content-type": "application/json", "x-forwarded-for": ip });

export function parseSseText(text: string): Array<{ event: string; data: any }> {
  return text
    .split("\n\n")
    .map((frame) => frame.split("\n").filter((line) => !line.startsWith(":")))
    .filter((lines) => lines[0]?.startsWith("event: "))
    .map((lines) => ({ event: lines[0]!.slice(7), data: JSON.parse(lines.find((l) => l.startsWith("data: "))!.slice(6)) }));
}

export function storefrontShopper(storefrontUrl: string, options: { ip?: string; timeoutMs?: number } = {}) {
  const ip = options.ip ?? "198.51.100.7";
  const timeoutMs = options.timeoutMs ?? 30_000;
  const url = (path: string) => `${storefrontUrl}/apps/assistant${path}`;

  return {
    async consent(): Promise<{ status: number; conversation: ConversationRef | undefined }> {
      const response = await fetch(url("/consent"), {
        method: "POST",
        headers: headers(ip),
        body: JSON.stringify({ accepted: true }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const json = (await response.json().catch(() => ({}))) as { conversation?: ConversationRef };
      return { status: response.status, conversation: json.conversation };
    },

    async chat(message: string, conversation?: ConversationRef, locale = "en"): Promise<ChatResult> {
      const started = performance.now();
      const body = { message, locale, ...(conversation ? { conversationId: conversation.id, conversationToken: conversation.token } : {}) };
      const response = await fetch(url("/chat"), {
        method: "POST",
        headers: headers(ip),
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const raw = await response.text();
      const events = (response.headers.get("content-type") ?? "").startsWith("text/event-stream") ? parseSseText(raw) : [];
      return {
        status: response.status,
        events,
        text: events
          .filter((e) => e.event === "delta")
          .map((e) => e.data.text)
          .join(""),
        done: events.find((e) => e.event === "done")?.data,
        error: events.find((e) => e.event === "error")?.data ?? (response.status >= 400 ? safeJson(raw)?.error : undefined),
        ms: performance.now() - started,
      };
    },

    async transcript(conversation: ConversationRef): Promise<{ status: number; json: any }> {
      const response = await fetch(url(`/conversations/${encodeURIComponent(conversation.id)}`), {
        headers: { ...headers(ip), "x-conversation-token": conversation.token },
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
  };
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

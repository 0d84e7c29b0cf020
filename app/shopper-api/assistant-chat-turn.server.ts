// The production ChatTurn: the assistant's runTurn (app/assistant/run-turn.ts).
// Until that lands this answers with a clear error event, so the route, its SSE
// framing and its storage rules can already be exercised end to end.
import type { ChatTurn } from "./chat-turn";

export const assistantChatTurn: ChatTurn = async function* () {
  yield { type: "error", code: "UNAVAILABLE", message: "The assistant is not connected yet." };
};

import { z } from "zod";
import { defineTool } from "./tool";

export const requestHumanTool = defineTool({
  name: "request_human",
  description:
    "Hand the conversation to a person: the chat shows a contact form. Use when the shopper asks for a person or you cannot help.",
  args: z.object({ reason: z.string().max(200).optional() }).strict(),
  async run() {
    return {
      forModel: {
        ok: true,
        message: "The chat now shows a contact form. Tell the shopper a person will get back to them once they send it.",
      },
      cards: [],
      topic: "handoff",
      handoff: true,
      event: "handoff",
    };
  },
});

import { z } from "zod";
import { searchKnowledge, toPolicyCard } from "../../knowledge/knowledge-search";
import { defineTool } from "./tool";

export const storePoliciesTool = defineTool({
  name: "store_policies",
  description: "Look up the shop's policies (refunds and returns, shipping, privacy, terms) and the merchant's FAQ answers.",
  args: z
    .object({
      question: z.string().min(1).max(300).describe("What the shopper wants to know, in a few words"),
      policyType: z.enum(["REFUND_POLICY", "SHIPPING_POLICY", "PRIVACY_POLICY", "TERMS_OF_SERVICE"]).optional(),
    })
    .strict(),
  async run(args, ctx) {
    const { matches, policiesUnavailable } = await searchKnowledge(
      { admin: ctx.admin, knowledge: ctx.knowledge },
      { shop: ctx.shop, query: args.question, policyType: args.policyType, locale: ctx.locale },
    );
    if (matches.length === 0) {
      const message = policiesUnavailable ? "Policies are unavailable right now." : "Nothing in the shop's policies or FAQ matches.";
      return { forModel: { error: "NO_MATCH", message: `${message} Say so and offer a person.` }, cards: [], topic: "policy" };
    }
    const cards = matches
      .filter((m) => m.source === "policy")
      .slice(0, 1)
      .map(toPolicyCard);
    return {
      // `text` is the paragraph that answers the question; the card only links the policy.
      forModel: {
        answers: matches.map((m) => ({
          title: m.title,
          text: m.paragraph,
          wholePolicy: m.source === "policy" ? m.text.slice(0, 1500) : undefined,
        })),
      },
      cards,
      topic: "policy",
    };
  },
});

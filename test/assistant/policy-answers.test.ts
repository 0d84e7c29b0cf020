// Issue 13, part 2: a policy answer shows the relevant paragraph once — in the text — and
// the policy card only links the whole policy (no excerpt repeating it), in basic and AI mode.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paragraphsOf, relevantParagraph } from "../../app/knowledge/knowledge-search";
import { settingsWith, startAssistantHarness } from "./harness";

const count = (text: string, part: string) => text.split(part).length - 1;

describe("relevant paragraph", () => {
  const html =
    "<p>Return within <strong>30 days</strong>.</p><p>Return shipping within the EU is free.</p><ul><li>Sale items: final.</li></ul>";
  it("splits a policy into paragraphs and picks the one the question is about", () => {
    expect(paragraphsOf(html)).toEqual(["Return within 30 days .", "Return shipping within the EU is free.", "Sale items: final."]);
    expect(relevantParagraph(paragraphsOf(html), ["is", "return", "shipping", "free"])).toBe("Return shipping within the EU is free.");
    expect(relevantParagraph(paragraphsOf(html), ["sale", "items"])).toBe("Sale items: final.");
    expect(relevantParagraph(paragraphsOf(html), ["nothing"])).toBe("Return within 30 days .");
  });
});

for (const withModel of [false, true]) {
  describe(`policy answers ${withModel ? "with the fake model" : "in basic mode"}`, () => {
    let h: Awaited<ReturnType<typeof startAssistantHarness>>;
    beforeAll(async () => {
      h = await startAssistantHarness({ model: withModel });
    });
    afterAll(() => h.close());
    const settings = settingsWith({ privacy: { aiEnabled: withModel } });

    it("prints the relevant paragraph once and a card that only links the policy", async () => {
      const r = await h.turn("Is return shipping free?", { settings });
      const paragraph = "Return shipping within the EU is free";
      expect(count(r.text, paragraph)).toBe(1);
      expect(r.text).not.toContain("Sale items marked as final sale"); // not the whole policy
      const cards = r.cards.filter((c) => c.kind === "policy");
      expect(cards).toEqual([{ kind: "policy", title: "Refund policy", url: "/policies/refund-policy", excerpt: "" }]);
    });

    it("answers the shipping question with the shipping paragraph", async () => {
      const r = await h.turn("How much is shipping to the United Kingdom?", { settings });
      expect(count(r.text, "United Kingdom: 5–8 business days")).toBe(1);
      expect(r.text).not.toContain("Orders ship from Berlin");
      expect(r.cards.filter((c) => c.kind === "policy").map((c) => c.kind === "policy" && c.excerpt)).toEqual([""]);
    });
  });
}

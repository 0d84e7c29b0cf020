import { it } from "vitest";
import { startAssistantHarness } from "../assistant/harness";
it("dbg", async () => {
  const h = await startAssistantHarness({ model: false });
  for (const q of (process.env.QS ?? "").split("|")) {
    const r = await h.turn(q);
    console.log(q, "\n", r.text, "\n", r.cards.map((c: any) => `${c.title ?? c.name} ${c.price?.amount ?? ""}`));
  }
  await h.close();
});

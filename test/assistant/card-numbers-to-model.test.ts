// Every request body the app sends to the model, over a run where shoppers paste card
// numbers of many brands in many formats (in the new message and in the history), holds
// no Luhn-valid 13–19 digit sequence.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLuhnValid } from "../../app/infra/text/redact-text";
import { settingsWith, startAssistantHarness } from "./harness";

const CARDS = [
  "4111 1111 1111 1111", // Visa
  "4012888888881881", // Visa, no separators
  "4222222222222", // Visa 13
  "5555-5555-5555-4444", // Mastercard
  "2223.0031.2200.3222", // Mastercard 2-series, dots
  "3782 822463 10005", // Amex 15
  "3714-496353-98431", // Amex 15, dashes
  "3056 9309 0259 04", // Diners 14
  "6011.1111.1111.1117", // Discover
  "6011 0009-9013.9424", // Discover, mixed separators
  "3530111333300000", // JCB
  "3566 0020 2036 0505", // JCB
  "6212 3456 7890 1234 569", // UnionPay 19
  "6200000000000005", // UnionPay 16
];

/** Every Luhn-valid 13–19 digit sequence, separators (space, dash, dot) allowed, in `text`. */
function cardLikeSequences(text: string): string[] {
  const found: string[] = [];
  for (const run of text.match(/\d(?:[ .-]?\d)*/g) ?? []) {
    const digits = run.replace(/\D/g, "");
    for (let start = 0; start < digits.length; start++) {
      for (let len = 13; len <= 19 && start + len <= digits.length; len++) {
        const candidate = digits.slice(start, start + len);
        // A window inside a longer run only counts when the run is longer than a card.
        if ((digits.length <= 19 && candidate.length === digits.length) || digits.length > 19) {
          if (isLuhnValid(candidate)) found.push(run);
        }
      }
    }
  }
  return found;
}

describe("card numbers never reach the model", () => {
  let h: Awaited<ReturnType<typeof startAssistantHarness>>;
  beforeAll(async () => {
    h = await startAssistantHarness();
  });
  afterAll(() => h.close());

  it("the fixture numbers are real card numbers (the check can fail)", () => {
    for (const card of CARDS) expect(cardLikeSequences(`pay with ${card} ok`), card).toHaveLength(1);
  });

  it("holds over every request body of a run", async () => {
    const settings = settingsWith({ privacy: { redactEmails: false, redactPhones: false } });
    const history = CARDS.slice(0, 4).map((card) => ({ role: "shopper" as const, text: `earlier I typed ${card}` }));
    const messages = [
      ...CARDS.map((card) => `Can I pay with my card ${card} for the merino tee?`),
      `Two cards: ${CARDS[0]} and ${CARDS[5]}; also order 1001 ${CARDS[2]}`,
      `Where is my order? My card was ${CARDS[3]}`,
      `Refund policy for card ${CARDS[12]}?`,
      `Talk to a person about card ${CARDS[8]}`,
    ];
    for (const message of messages) {
      const result = await h.turn(message, { settings, history, scope: { customerId: "7001" } });
      expect(result.done?.type).toBe("done");
      expect(cardLikeSequences(result.text)).toEqual([]);
    }
    // The demo brain called tools, so bodies include tool rounds and results.
    expect(h.openai.requests.some((b) => b.messages.some((m) => m.role === "tool"))).toBe(true);
    expect(h.openai.rawBodies.length).toBeGreaterThan(messages.length);
    for (const body of h.openai.rawBodies) expect(cardLikeSequences(body)).toEqual([]);
    // Nor the stored transcript.
    expect(cardLikeSequences(JSON.stringify(h.transcript.messages))).toEqual([]);
    expect(JSON.stringify(h.transcript.messages)).toContain("[card •••• 1111]");
  });
});

// Security codes and expiry dates typed next to a card (in the widget's languages) are
// neither stored nor sent to the model, in the new message or in the history (PCI DSS
// 3.3.1). The values are distinctive so a leak is found wherever it lands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settingsWith, startAssistantHarness } from "./harness";

const CODES = ["8317", "739", "6052", "941"];
const EXPIRIES = ["11/31", "07/2033", "09 / 34", "3/36"];

const MESSAGES = [
  `My card 4111 1111 1111 1111 exp ${EXPIRIES[0]} cvv ${CODES[0]}, can I pay with it for the merino tee?`,
  `Ma carte bancaire expire le ${EXPIRIES[1]}, le cryptogramme est ${CODES[1]}. Où est ma commande ?`,
  `Meine Kreditkarte ist gültig bis ${EXPIRIES[2]}, Prüfnummer ${CODES[2]}. Habt ihr Socken?`,
  `Mi tarjeta 5555-5555-5555-4444 vence ${EXPIRIES[3]} y el código de seguridad es ${CODES[3]}`,
  `4012888888881881 ${EXPIRIES[0]} ${CODES[0]} refund policy?`,
];

describe("card security codes and expiry dates never reach the model or storage", () => {
  let h: Awaited<ReturnType<typeof startAssistantHarness>>;
  beforeAll(async () => {
    h = await startAssistantHarness();
  });
  afterAll(() => h.close());

  it("holds over every request body of a run and the stored transcript", async () => {
    const settings = settingsWith({ privacy: { redactEmails: false, redactPhones: false } });
    const history = [{ role: "shopper" as const, text: `earlier: CVC ${CODES[2]}, valid thru ${EXPIRIES[1]}` }];
    for (const message of MESSAGES) {
      const result = await h.turn(message, { settings, history, scope: { customerId: "7001" } });
      expect(result.done?.type).toBe("done");
    }
    expect(h.openai.rawBodies.length).toBeGreaterThanOrEqual(MESSAGES.length);
    const sent = h.openai.rawBodies.join("\n");
    const stored = JSON.stringify(h.transcript.messages);
    for (const secret of [...CODES, ...EXPIRIES]) {
      expect(sent, `sent to the model: ${secret}`).not.toContain(secret);
      expect(stored, `stored: ${secret}`).not.toContain(secret);
    }
    // Sanity: the messages did reach the model and the store, redacted.
    expect(sent).toContain("[security code]");
    expect(sent).toContain("[expiry]");
    expect(stored).toContain("cryptogramme est [security code]");
    expect(stored).toContain("[card •••• 4444] vence [expiry]");
  });
});

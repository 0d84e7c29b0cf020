// The one way to read a stored message body: the text (encrypted) and the cards shown
// with it (encrypted JSON, validated against the card schemas). Every reader — the
// shopper's transcript, the admin's transcript view, the customer data export — goes
// through decodeMessageBody and decides what to show for the one failure it returns.
import { z } from "zod";
import { cardSchema, type Card } from "../../contracts/cards";
import type { Vault } from "../../infra/crypto/crypto.server";

export interface StoredMessageBody {
  bodyEnc: string;
  cardsEnc: string | null;
}

/**
 * `ok: false` when the body or its cards cannot be decrypted (a key no longer listed
 * in ENCRYPTION_KEYS, a damaged value). Cards that decrypt but are not valid JSON or
 * do not match the card schemas are dropped (`cards: []`): the text is still shown.
 */
export type DecodedMessageBody = { ok: true; text: string; cards: Card[] } | { ok: false; code: "MESSAGE.UNDECODABLE" };

export const UNDECODABLE: DecodedMessageBody = Object.freeze({ ok: false, code: "MESSAGE.UNDECODABLE" });

/** Decrypted cards JSON → the cards, or a failed parse. */
export const storedCardsSchema = z
  .string()
  .transform((text, ctx): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      ctx.addIssue({ code: "custom", message: "cards are not JSON" });
      return z.NEVER;
    }
  })
  .pipe(z.array(cardSchema));

export function decodeMessageBody(vault: Pick<Vault, "decrypt">, stored: StoredMessageBody): DecodedMessageBody {
  let text: string;
  let cardsJson: string | null;
  try {
    text = vault.decrypt(stored.bodyEnc);
    cardsJson = stored.cardsEnc ? vault.decrypt(stored.cardsEnc) : null;
  } catch {
    return UNDECODABLE;
  }
  if (cardsJson === null) return { ok: true, text, cards: [] };
  const cards = storedCardsSchema.safeParse(cardsJson);
  return { ok: true, text, cards: cards.success ? cards.data : [] };
}

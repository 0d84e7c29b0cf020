// Encryption at rest and keyed hashes for look-ups.
// Ciphertext format: "v1.<keyId>.<nonce b64url>.<ciphertext+tag b64url>" (AES-256-GCM,
// a random 96-bit nonce per value). The key id travels with the value so keys can
// rotate: the first key encrypts, every listed key decrypts.
import { createCipheriv, createDecipheriv, createHmac } from "node:crypto";
import { pooledRandomBytes } from "./random-pool";

export interface EncryptionKey {
  id: string;
  key: string; // 32 bytes, base64
}

export interface Vault {
  /** Key id that new values are encrypted with. */
  readonly currentKeyId: string;
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** The key id a stored value was encrypted with. */
  keyIdOf(ciphertext: string): string;
  /** HMAC-SHA256 keyed hash, for finding rows by email, phone, customer or order id. */
  hash(kind: HashKind, value: string): string;
}

export type HashKind = "email" | "phone" | "customer" | "order" | "ip";

/** Normalises a value before hashing so the same person always hashes the same. */
export function normaliseForHash(kind: HashKind, value: string): string {
  const trimmed = value.trim();
  switch (kind) {
    case "email":
      return trimmed.toLowerCase();
    case "phone":
      return trimmed.replace(/[^\d+]/g, "").replace(/^00/, "+");
    case "customer":
    case "order":
      // Accept both gid://shopify/Customer/123 and 123.
      return trimmed.replace(/^gid:\/\/shopify\/\w+\//, "");
    case "ip":
      return trimmed;
  }
}

export function createVault(keys: EncryptionKey[], hashKey: string): Vault {
  if (keys.length === 0) throw new Error("at least one encryption key is required");
  const byId = new Map(keys.map((k) => [k.id, Buffer.from(k.key, "base64")]));
  const current = keys[0]!;
  const currentKey = byId.get(current.id)!;
  const hmacKey = Buffer.from(hashKey, "base64");

  function parse(ciphertext: string) {
    const parts = ciphertext.split(".");
    if (parts.length !== 4 || parts[0] !== "v1") throw new Error("not an encrypted value");
    return { keyId: parts[1]!, nonce: Buffer.from(parts[2]!, "base64url"), body: Buffer.from(parts[3]!, "base64url") };
  }

  return {
    currentKeyId: current.id,
    encrypt(plaintext) {
      const nonce = pooledRandomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", currentKey, nonce);
      cipher.setAAD(Buffer.from(current.id));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `v1.${current.id}.${nonce.toString("base64url")}.${body.toString("base64url")}`;
    },
    decrypt(ciphertext) {
      const { keyId, nonce, body } = parse(ciphertext);
      const key = byId.get(keyId);
      if (!key) throw new Error(`no key "${keyId}" to decrypt with`);
      const decipher = createDecipheriv("aes-256-gcm", key, nonce);
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
    },
    keyIdOf: (ciphertext) => parse(ciphertext).keyId,
    hash: (kind, value) =>
      createHmac("sha256", hmacKey)
        .update(`${kind}:${normaliseForHash(kind, value)}`)
        .digest("base64url"),
  };
}

// Shopify sessions hold the shop's Admin API access token: whoever reads it can act
// as the app on that store. This wrapper encrypts the access and refresh tokens
// (AES-256-GCM through the vault) before any SessionStorage stores them and decrypts
// them on load, so a copy of the database alone does not leak a usable token.
import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { Database } from "../db/create-database.server";
import type { Vault } from "../crypto/crypto.server";

type TokenCipher = Pick<Vault, "encrypt" | "decrypt">;

const ENCRYPTED_PREFIX = "v1.";

function mapTokens(session: Session, map: (token: string) => string): Session {
  const params = session.toObject();
  return new Session({
    ...params,
    accessToken: params.accessToken ? map(params.accessToken) : params.accessToken,
    refreshToken: params.refreshToken ? map(params.refreshToken) : params.refreshToken,
  });
}

export class EncryptedSessionStorage implements SessionStorage {
  constructor(
    private readonly inner: SessionStorage,
    private readonly cipher: TokenCipher,
  ) {}

  storeSession(session: Session): Promise<boolean> {
    return this.inner.storeSession(mapTokens(session, (token) => this.cipher.encrypt(token)));
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const stored = await this.inner.loadSession(id);
    return stored ? this.decrypted(stored) : undefined;
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    return (await this.inner.findSessionsByShop(shop)).map((session) => this.decrypted(session));
  }

  // Sessions written before encryption was switched on hold plaintext tokens; they
  // are read as they are and encrypted on their next store.
  private decrypted(session: Session): Session {
    return mapTokens(session, (token) => (token.startsWith(ENCRYPTED_PREFIX) ? this.cipher.decrypt(token) : token));
  }
}

/** Prisma session storage (the Session table) with encrypted tokens. */
export function encryptedPrismaSessionStorage(db: Database, cipher: TokenCipher): EncryptedSessionStorage {
  // Prisma's session storage polls for its table at construction; one try is enough
  // because migrations ran before the server started.
  const inner = new PrismaSessionStorage(db, { connectionRetries: 1, connectionRetryIntervalMs: 100 });
  return new EncryptedSessionStorage(inner, cipher);
}

// The process-wide vault built from ENCRYPTION_KEYS and HASH_KEY.
import { createVault, type Vault } from "./crypto.server";
import { env } from "../env.server";

let vault: Vault | undefined;

export function appVault(): Vault {
  vault ??= createVault(env().ENCRYPTION_KEYS, env().HASH_KEY);
  return vault;
}

// Row ids for the privacy and job tables: 128 random bits, base64url (22 characters).
import { randomBytes } from "node:crypto";

export function randomId(): string {
  return randomBytes(16).toString("base64url");
}

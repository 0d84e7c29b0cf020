// What this browser remembers: the conversation id and its secret token (so the chat
// resumes after a reload or page change), the notice version the shopper accepted, and
// when this browser sent a lead (so "Thanks! A person will get back to you" is still
// there after a reload). Written only after consent (or when the merchant does not ask).

export interface Session {
  id?: string;
  token?: string;
  consent?: number;
  /** Date.now() when the lead form was sent. */
  lead?: number;
}

const KEY = "shop-assistant";

export function loadSession(): Session {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) || "{}");
    return raw && typeof raw === "object" ? raw : {};
  } catch {
    return {}; // Storage blocked or corrupt: start fresh.
  }
}

export function saveSession(session: Session): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage blocked (private mode): the chat still works, it just won't resume.
  }
}

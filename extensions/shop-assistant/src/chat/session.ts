// What this browser remembers: the conversation id and its secret token (so the chat
// resumes after a reload or page change) and the notice version the shopper accepted.
// Written only after consent (or when the merchant does not ask for it).

export interface Session {
  id?: string;
  token?: string;
  consent?: number;
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

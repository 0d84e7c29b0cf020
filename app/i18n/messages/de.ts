// de: the admin in this language (keys of en.ts; a missing key falls back to English).
import type { Messages } from "./en";

export const de: Partial<Messages> = {
};

// Limits the server enforces and the widget shows. The widget imports these types
// only (its bundle has a byte budget) and declares its own literal of the same type,
// so the compiler fails when the two drift apart.

/** Characters in one shopper chat message. */
export const MAX_MESSAGE_LENGTH = 1000 as const;
export type MaxMessageLength = typeof MAX_MESSAGE_LENGTH;

/** Characters in the free-text message of a lead (the contact form). */
export const MAX_LEAD_MESSAGE_LENGTH = 2000 as const;
export type MaxLeadMessageLength = typeof MAX_LEAD_MESSAGE_LENGTH;

// Display helpers shared by admin pages (loader data arrives as JSON strings).
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "–";

export const formatDate = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleDateString("en", { dateStyle: "medium", timeZone: "UTC" }) : "–";

export const percent = (share: number) => `${Math.round(share * 100)}%`;

export const OUTCOME_LABELS: Record<string, string> = {
  open: "Open",
  answered: "Answered",
  handed_off: "Handed off",
};

// Polaris EmptyState with our own small inline illustration (no external image
// request from the admin page).
import { EmptyState } from "@shopify/polaris";
import type { ReactNode } from "react";

const ILLUSTRATION =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80"><rect x="10" y="14" width="100" height="56" rx="8" fill="#e3e8ee"/><rect x="22" y="28" width="52" height="8" rx="4" fill="#b5c0cc"/><rect x="22" y="44" width="76" height="8" rx="4" fill="#cdd5de"/></svg>',
  );

export function EmptyNotice({
  heading,
  children,
  action,
}: {
  heading: string;
  children: ReactNode;
  action?: { content: string; url: string };
}) {
  return (
    <EmptyState heading={heading} image={ILLUSTRATION} imageContained action={action}>
      {children}
    </EmptyState>
  );
}

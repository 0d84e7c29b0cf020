// The filters above a list: a card of controls in one row. Every change goes into
// the URL (useFilterParams), so the loader filters on the server and a filtered view
// can be bookmarked.
import { Card, InlineStack, TextField } from "@shopify/polaris";
import type { ReactNode } from "react";

export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Card>
      <InlineStack gap="400" blockAlign="end">
        {children}
      </InlineStack>
    </Card>
  );
}

/** "From" and "To" date fields (YYYY-MM-DD, as the list schemas parse them). */
export function DateRangeFilter({ from, to, onChange }: { from: string; to: string; onChange: (change: { from?: string; to?: string }) => void }) {
  return (
    <>
      <TextField label="From" type="date" autoComplete="off" value={from} onChange={(value) => onChange({ from: value })} />
      <TextField label="To" type="date" autoComplete="off" value={to} onChange={(value) => onChange({ to: value })} />
    </>
  );
}

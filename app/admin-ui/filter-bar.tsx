// The filters above a list: a card of controls in one row. Every change goes into
// the URL (useFilterParams), so the loader filters on the server and a filtered view
// can be bookmarked.
import { Card, InlineGrid, TextField } from "@shopify/polaris";
import type { ReactNode } from "react";

export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Card>
      <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="400" alignItems="end">
        {children}
      </InlineGrid>
    </Card>
  );
}

/** "From" and "To" date fields (YYYY-MM-DD, as the list schemas parse them). */
export function DateRangeFilter({
  from,
  to,
  onChange,
  labels = { from: "From", to: "To" },
}: {
  from: string;
  to: string;
  onChange: (change: { from?: string; to?: string }) => void;
  labels?: { from: string; to: string };
}) {
  return (
    <>
      <TextField label={labels.from} type="date" autoComplete="off" value={from} onChange={(value) => onChange({ from: value })} />
      <TextField label={labels.to} type="date" autoComplete="off" value={to} onChange={(value) => onChange({ to: value })} />
    </>
  );
}

// The list pages' table (conversations, leads, data requests, audit log): a Polaris
// IndexTable over one server page, with keyset pagination when given, and an empty
// state with guidance when there is nothing to show on the first page. Below the
// large breakpoint a table with a `condensed` row renders as a list (IndexTable
// condensed), so no column is cut off on a phone or a narrow admin. The server cannot
// know the width, so the server-rendered page (and the hydrating browser) carries
// both and a CSS media query shows one (app/admin-ui/admin.css); once hydrated, only
// the one useBreakpoints() picks is rendered. Nothing moves when the page hydrates.
import { Card, IndexTable, Layout, useBreakpoints } from "@shopify/polaris";
import { useSyncExternalStore, type ReactNode } from "react";
import { EmptyNotice } from "./empty";

interface Pagination {
  hasNext: boolean;
  hasPrevious: boolean;
  onNext: () => unknown;
  onPrevious: () => unknown;
}

interface ResourceTableProps<Item extends { id: string }> {
  items: Item[];
  resourceName: { singular: string; plural: string };
  headings: string[];
  pagination?: Pagination;
  empty: { heading: string; body: ReactNode };
  /** The row's cells (IndexTable.Cell elements). */
  cells: (item: Item) => ReactNode;
  /** The row as one block for narrow screens. */
  condensed?: (item: Item) => ReactNode;
}

export function ResourceTable<Item extends { id: string }>({
  items,
  resourceName,
  headings,
  pagination,
  empty,
  cells,
  condensed,
}: ResourceTableProps<Item>) {
  const firstPage = !pagination?.hasPrevious;
  const { lgDown } = useBreakpoints();
  const hydrated = useHydrated();
  const table = (narrow: boolean) => (
    <IndexTable
      resourceName={resourceName}
      itemCount={items.length}
      selectable={false}
      condensed={narrow}
      headings={headings.map((title) => ({ title })) as [{ title: string }, ...{ title: string }[]]}
      pagination={pagination}
    >
      {items.map((item, index) => (
        <IndexTable.Row id={item.id} key={item.id} position={index}>
          {narrow && condensed ? <div style={{ padding: "12px 16px", width: "100%" }}>{condensed(item)}</div> : cells(item)}
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
  let body: ReactNode;
  if (items.length === 0 && firstPage) {
    body = (
      <EmptyNotice heading={empty.heading}>
        <p>{empty.body}</p>
      </EmptyNotice>
    );
  } else if (!condensed) {
    body = table(false);
  } else {
    // Before hydration both, chosen by CSS; afterwards the one that matches.
    const wide = !hydrated || !lgDown;
    const narrow = !hydrated || lgDown;
    body = (
      <>
        <div className="psa-list-wide">{wide ? table(false) : null}</div>
        <div className="psa-list-narrow">{narrow ? table(true) : null}</div>
      </>
    );
  }
  return <Card padding="0">{body}</Card>;
}

const noSubscription = () => () => undefined;

/** False on the server and while hydrating, true in the browser afterwards. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** A list page's body: filters and banners (`above`), then the table. */
export function ListLayout<Item extends { id: string }>({ above, ...table }: ResourceTableProps<Item> & { above: ReactNode }) {
  return (
    <Layout>
      <Layout.Section>{above}</Layout.Section>
      <Layout.Section>
        <ResourceTable {...table} />
      </Layout.Section>
    </Layout>
  );
}

/** A table cell whose long text wraps within `maxWidth` instead of widening the table. */
export function WrappingText({ maxWidth, children }: { maxWidth: number; children: ReactNode }) {
  return <div style={{ maxWidth, whiteSpace: "normal" }}>{children}</div>;
}

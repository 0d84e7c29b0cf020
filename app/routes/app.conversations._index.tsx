// Conversations inbox: server-side pages of 25, filtered by date and outcome. The
// list shows no message text; opening a transcript is audited.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, IndexTable, Link, Select, Text } from "@shopify/polaris";
import { adminDeps, searchParamsOf } from "../composition/admin-context.server";
import { conversationFilterSchema, listConversations } from "../conversations/admin/conversations.server";
import { AdminPage } from "../admin-ui/admin-page";
import { DateRangeFilter, FilterBar } from "../admin-ui/filter-bar";
import { formatDateTime, OUTCOME_LABELS } from "../admin-ui/format";
import { useCursorPagination, useFilterParams } from "../admin-ui/pagination";
import { ListLayout } from "../admin-ui/resource-table";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Conversations · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const filter = conversationFilterSchema.parse(searchParamsOf(request));
  const page = await listConversations(adminDeps().db, session.shop, filter);
  return json({ page, filter: { from: filter.from ?? "", to: filter.to ?? "", outcome: filter.outcome } });
};

export default function Conversations() {
  const { page, filter } = useLoaderData<typeof loader>();
  const pagination = useCursorPagination(page);
  const { set } = useFilterParams();
  const filtered = filter.outcome !== "all" || filter.from || filter.to;
  return (
    <AdminPage title="Conversations" subtitle="Opening a transcript is recorded in the audit log.">
      <ListLayout
        above={
          <FilterBar>
            <Select label="Outcome" value={filter.outcome} onChange={(outcome) => set({ outcome: outcome === "all" ? undefined : outcome })}
              options={[{ label: "All", value: "all" }, { label: "Answered", value: "answered" }, { label: "Handed off to a person", value: "handed_off" }, { label: "Basic mode", value: "basic" }]} />
            <DateRangeFilter from={filter.from} to={filter.to} onChange={set} />
          </FilterBar>
        }
        items={page.items}
        resourceName={{ singular: "conversation", plural: "conversations" }}
        headings={["Started", "Outcome", "Mode", "Turns", "Consent", "Order verified"]}
        pagination={pagination}
        empty={{
          heading: filtered ? "No conversations match these filters" : "No conversations yet",
          body: filtered ? "Change the outcome or dates." : "When shoppers chat with the assistant on your storefront, their conversations appear here (if you keep transcripts).",
        }}
        cells={(c) => (
          <>
            <IndexTable.Cell>
              {/* The row's primary link: the whole row opens it, and keyboard users reach it. */}
              <Link dataPrimaryLink url={`/app/conversations/${encodeURIComponent(c.id)}`} monochrome removeUnderline>
                <Text as="span" fontWeight="semibold">{formatDateTime(c.createdAt)}</Text>
              </Link>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Badge tone={c.outcome === "handed_off" ? "attention" : c.outcome === "answered" ? "success" : undefined}>{OUTCOME_LABELS[c.outcome] ?? c.outcome}</Badge>
            </IndexTable.Cell>
            <IndexTable.Cell>{c.basicMode ? "Basic" : "AI"}</IndexTable.Cell>
            <IndexTable.Cell>{c.turnCount}</IndexTable.Cell>
            <IndexTable.Cell>{c.consentState.replace("_", " ")}</IndexTable.Cell>
            <IndexTable.Cell>{c.orderVerified ? "Yes" : "No"}</IndexTable.Cell>
          </>
        )}
      />
    </AdminPage>
  );
}

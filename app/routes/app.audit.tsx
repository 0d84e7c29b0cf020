// The audit log: who did what and when (transcript views, exports, settings
// changes, deletions), filterable by action, staff member and date.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { IndexTable, Select, Text } from "@shopify/polaris";
import { auditFilterOptions, auditFilterSchema, listAuditEvents } from "../audit/audit-log.server";
import { adminDeps, searchParamsOf } from "../composition/admin-context.server";
import { AdminPage } from "../admin-ui/admin-page";
import { DateRangeFilter, FilterBar } from "../admin-ui/filter-bar";
import { formatDateTime } from "../admin-ui/format";
import { useCursorPagination, useFilterParams } from "../admin-ui/pagination";
import { ListLayout, WrappingText } from "../admin-ui/resource-table";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const filter = auditFilterSchema.parse(searchParamsOf(request));
  const { db } = adminDeps();
  const [page, options] = await Promise.all([listAuditEvents(db, session.shop, filter), auditFilterOptions(db, session.shop)]);
  return json({ page, options, filter: { action: filter.action ?? "", actor: filter.actor ?? "", from: filter.from ?? "", to: filter.to ?? "" } });
};

export default function AuditLog() {
  const { page, options, filter } = useLoaderData<typeof loader>();
  const pagination = useCursorPagination(page);
  const { set } = useFilterParams();
  const filtered = filter.action || filter.actor || filter.from || filter.to;
  return (
    <AdminPage title="Audit log" subtitle="Staff actions on shopper data and settings. Entries hold counts and field names, never the data itself.">
      <ListLayout
        above={
          <FilterBar>
            <Select label="Action" value={filter.action} onChange={(action) => set({ action })}
              options={[{ label: "All actions", value: "" }, ...options.actions.map((a) => ({ label: a, value: a }))]} />
            <Select label="Staff member" value={filter.actor} onChange={(actor) => set({ actor })}
              options={[{ label: "Everyone", value: "" }, ...options.actors.map((a) => ({ label: a.name ? `${a.name} (${a.id})` : a.id, value: a.id }))]} />
            <DateRangeFilter from={filter.from} to={filter.to} onChange={set} />
          </FilterBar>
        }
        items={page.items}
        resourceName={{ singular: "entry", plural: "entries" }}
        headings={["When", "Who", "Action", "Target", "Details"]}
        pagination={pagination}
        empty={{
          heading: filtered ? "Nothing matches these filters" : "No audit entries yet",
          body: filtered ? "Change the filters." : "Opening a transcript, exporting leads, downloading a data export and changing settings are recorded here.",
        }}
        cells={(e) => (
          <>
            <IndexTable.Cell>{formatDateTime(e.createdAt)}</IndexTable.Cell>
            <IndexTable.Cell>{e.actor === "system" ? "System" : e.actorName ? `${e.actorName} (${e.actor})` : e.actor}</IndexTable.Cell>
            <IndexTable.Cell><Text as="span" fontWeight="semibold">{e.action}</Text></IndexTable.Cell>
            <IndexTable.Cell>{e.targetType ? `${e.targetType}${e.targetId ? ` ${e.targetId}` : ""}` : "–"}</IndexTable.Cell>
            <IndexTable.Cell>
              <WrappingText maxWidth={360}><Text as="span" tone="subdued" breakWord>{e.detail || "–"}</Text></WrappingText>
            </IndexTable.Cell>
          </>
        )}
      />
    </AdminPage>
  );
}

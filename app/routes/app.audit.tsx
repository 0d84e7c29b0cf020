// The audit log: who did what and when (transcript views, exports, settings
// changes, deletions), filterable by action, staff member and date.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card, IndexTable, InlineStack, Layout, Select, Text, TextField } from "@shopify/polaris";
import { auditFilterOptions, auditFilterSchema, listAuditEvents } from "../admin/audit-log.server";
import { adminDeps, searchParamsOf } from "../admin/context.server";
import { AdminPage } from "../admin/ui/admin-page";
import { EmptyNotice } from "../admin/ui/empty";
import { formatDateTime } from "../admin/ui/format";
import { useCursorPagination, useFilterParams } from "../admin/ui/pagination";
import { authenticate } from "../shopify.server";

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
      <Layout>
        <Layout.Section>
          <Card>
            <InlineStack gap="400" blockAlign="end">
              <Select label="Action" value={filter.action} onChange={(action) => set({ action })}
                options={[{ label: "All actions", value: "" }, ...options.actions.map((a) => ({ label: a, value: a }))]} />
              <Select label="Staff member" value={filter.actor} onChange={(actor) => set({ actor })}
                options={[{ label: "Everyone", value: "" }, ...options.actors.map((a) => ({ label: a.name ? `${a.name} (${a.id})` : a.id, value: a.id }))]} />
              <TextField label="From" type="date" autoComplete="off" value={filter.from} onChange={(from) => set({ from })} />
              <TextField label="To" type="date" autoComplete="off" value={filter.to} onChange={(to) => set({ to })} />
            </InlineStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            {page.items.length === 0 && !pagination.hasPrevious ? (
              <EmptyNotice heading={filtered ? "Nothing matches these filters" : "No audit entries yet"}>
                <p>{filtered ? "Change the filters." : "Opening a transcript, exporting leads, downloading a data export and changing settings are recorded here."}</p>
              </EmptyNotice>
            ) : (
              <IndexTable
                resourceName={{ singular: "entry", plural: "entries" }}
                itemCount={page.items.length}
                selectable={false}
                headings={[{ title: "When" }, { title: "Who" }, { title: "Action" }, { title: "Target" }, { title: "Details" }]}
                pagination={pagination}
              >
                {page.items.map((e, index) => (
                  <IndexTable.Row id={e.id} key={e.id} position={index}>
                    <IndexTable.Cell>{formatDateTime(e.createdAt)}</IndexTable.Cell>
                    <IndexTable.Cell>{e.actor === "system" ? "System" : e.actorName ? `${e.actorName} (${e.actor})` : e.actor}</IndexTable.Cell>
                    <IndexTable.Cell><Text as="span" fontWeight="semibold">{e.action}</Text></IndexTable.Cell>
                    <IndexTable.Cell>{e.targetType ? `${e.targetType}${e.targetId ? ` ${e.targetId}` : ""}` : "–"}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <div style={{ maxWidth: 360, whiteSpace: "normal" }}><Text as="span" tone="subdued" breakWord>{e.detail || "–"}</Text></div>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </AdminPage>
  );
}

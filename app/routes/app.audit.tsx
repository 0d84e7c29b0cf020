// The audit log: who did what and when (transcript views, exports, settings
// changes, deletions), filterable by action, staff member and date.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, IndexTable, Select, Text } from "@shopify/polaris";
import { auditFilterOptions, auditFilterSchema, listAuditEvents } from "../audit/audit-log.server";
import { adminDeps, searchParamsOf } from "../composition/admin-context.server";
import { AdminPage } from "../admin-ui/admin-page";
import { DateRangeFilter, FilterBar } from "../admin-ui/filter-bar";
import { actionLabel, actorOf, describeAuditEntry } from "../admin-ui/audit-sentence";
import { RelativeTime, useT } from "../admin-ui/i18n/i18n";
import { useCursorPagination, useFilterParams } from "../admin-ui/pagination";
import { ListLayout, WrappingText } from "../admin-ui/resource-table";
import { authenticate } from "../composition/shopify.server";
import { shopAdminTimeZone } from "../composition/admin-locale.server";
import { adminGraphqlOf } from "../infra/shopify/admin-graphql.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const filter = auditFilterSchema.parse(searchParamsOf(request));
  const { db } = adminDeps();
  // The filter's days are the shop's calendar days, in the zone the layout shows times in.
  const timeZone = await shopAdminTimeZone(db, session.shop, adminGraphqlOf(admin));
  const [page, options] = await Promise.all([listAuditEvents(db, session.shop, filter, timeZone), auditFilterOptions(db, session.shop)]);
  return json({
    page,
    options,
    filter: { action: filter.action ?? "", actor: filter.actor ?? "", from: filter.from ?? "", to: filter.to ?? "" },
  });
};

export default function AuditLog() {
  const { page, options, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const pagination = useCursorPagination(page);
  const { set } = useFilterParams();
  const filtered = filter.action || filter.actor || filter.from || filter.to;
  const when = (iso: string) => <RelativeTime value={iso} />;
  return (
    <AdminPage title={t("audit.title")} subtitle={t("audit.subtitle")}>
      <ListLayout
        above={
          <FilterBar>
            <Select
              label={t("audit.action")}
              value={filter.action}
              onChange={(action) => set({ action })}
              options={[
                { label: t("audit.allActions"), value: "" },
                ...options.actions.map((a) => ({ label: actionLabel(a, t), value: a })),
              ]}
            />
            <Select
              label={t("audit.staff")}
              value={filter.actor}
              onChange={(actor) => set({ actor })}
              options={[
                { label: t("audit.everyone"), value: "" },
                ...options.actors.map((a) => ({ label: actorOf({ actor: a.id, actorName: a.name }, t), value: a.id })),
              ]}
            />
            <DateRangeFilter from={filter.from} to={filter.to} onChange={set} labels={{ from: t("audit.from"), to: t("audit.to") }} />
          </FilterBar>
        }
        items={page.items}
        resourceName={{ singular: t("audit.singular"), plural: t("audit.plural") }}
        headings={[t("audit.when"), t("audit.what"), t("audit.action")]}
        pagination={pagination}
        empty={{
          heading: filtered ? t("audit.emptyFilteredHeading") : t("audit.emptyHeading"),
          body: filtered ? t("audit.emptyFilteredBody") : t("audit.emptyBody"),
        }}
        cells={(e) => (
          <>
            <IndexTable.Cell>{when(e.createdAt)}</IndexTable.Cell>
            <IndexTable.Cell>
              <WrappingText maxWidth={520}>
                <Text as="span" breakWord>
                  {describeAuditEntry(e, t)}
                </Text>
              </WrappingText>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Badge>{actionLabel(e.action, t)}</Badge>
            </IndexTable.Cell>
          </>
        )}
        condensed={(e) => (
          <BlockStack gap="100">
            <Text as="p" breakWord>
              {describeAuditEntry(e, t)}
            </Text>
            <Text as="span" tone="subdued">
              {t.dateTime(e.createdAt)}
            </Text>
          </BlockStack>
        )}
      />
    </AdminPage>
  );
}

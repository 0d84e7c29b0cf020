// Conversations inbox: server-side pages of 25, filtered by date and outcome. The
// list shows no message text; opening a transcript is audited.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, IndexTable, InlineStack, Link, Select, Text } from "@shopify/polaris";
import { adminDeps, searchParamsOf } from "../composition/admin-context.server";
import { conversationFilterSchema, listConversations } from "../conversations/admin/conversations.server";
import { AdminPage } from "../admin-ui/admin-page";
import { DateRangeFilter, FilterBar } from "../admin-ui/filter-bar";
import { useT } from "../admin-ui/i18n/i18n";
import { useCursorPagination, useFilterParams } from "../admin-ui/pagination";
import { ListLayout } from "../admin-ui/resource-table";
import { authenticate } from "../composition/shopify.server";
import { shopAdminTimeZone } from "../composition/admin-locale.server";
import { adminGraphqlOf } from "../infra/shopify/admin-graphql.server";

export const meta: MetaFunction = () => [{ title: "Conversations · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const filter = conversationFilterSchema.parse(searchParamsOf(request));
  const { db } = adminDeps();
  // The filter's days are the shop's calendar days, in the zone the layout shows times in.
  const timeZone = await shopAdminTimeZone(db, session.shop, adminGraphqlOf(admin));
  const page = await listConversations(db, session.shop, filter, timeZone);
  return json({ page, filter: { from: filter.from ?? "", to: filter.to ?? "", outcome: filter.outcome } });
};

export default function Conversations() {
  const { page, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const pagination = useCursorPagination(page);
  const { set } = useFilterParams();
  const filtered = filter.outcome !== "all" || filter.from || filter.to;
  const outcome = (value: string) =>
    t.has(`analytics.outcome.${value}`) ? t(`analytics.outcome.${value}` as "analytics.outcome.open") : value;
  const consent = (value: string) =>
    t.has(`conversations.consent.${value}`)
      ? t(`conversations.consent.${value}` as "conversations.consent.accepted")
      : value.replace("_", " ");
  type Row = (typeof page.items)[number];
  const started = (c: Row) => (
    // The row's primary link: the whole row opens it, and keyboard users reach it.
    <Link dataPrimaryLink url={`/app/conversations/${encodeURIComponent(c.id)}`} monochrome removeUnderline>
      <Text as="span" fontWeight="semibold">
        {t.dateTime(c.createdAt)}
      </Text>
    </Link>
  );
  const outcomeBadge = (c: Row) => (
    <Badge tone={c.outcome === "handed_off" ? "attention" : c.outcome === "answered" ? "success" : undefined}>{outcome(c.outcome)}</Badge>
  );
  return (
    <AdminPage title={t("conversations.title")} subtitle={t("conversations.subtitle")}>
      <ListLayout
        above={
          <FilterBar>
            <Select
              label={t("conversations.outcome")}
              value={filter.outcome}
              onChange={(value) => set({ outcome: value === "all" ? undefined : value })}
              options={[
                { label: t("conversations.all"), value: "all" },
                { label: outcome("answered"), value: "answered" },
                { label: t("conversations.handedOff"), value: "handed_off" },
                { label: t("analytics.basicMode"), value: "basic" },
              ]}
            />
            <DateRangeFilter from={filter.from} to={filter.to} onChange={set} labels={{ from: t("audit.from"), to: t("audit.to") }} />
          </FilterBar>
        }
        items={page.items}
        resourceName={{ singular: t("conversations.singular"), plural: t("conversations.plural") }}
        headings={[
          t("conversations.started"),
          t("conversations.outcome"),
          t("conversations.mode"),
          t("conversations.turns"),
          t("conversations.consent"),
          t("conversations.orderVerified"),
        ]}
        pagination={pagination}
        empty={{
          heading: filtered ? t("conversations.emptyFilteredHeading") : t("conversations.emptyHeading"),
          body: filtered ? t("conversations.emptyFilteredBody") : t("conversations.emptyBody"),
        }}
        cells={(c) => (
          <>
            <IndexTable.Cell>{started(c)}</IndexTable.Cell>
            <IndexTable.Cell>{outcomeBadge(c)}</IndexTable.Cell>
            <IndexTable.Cell>{c.basicMode ? t("conversations.basic") : t("conversations.ai")}</IndexTable.Cell>
            <IndexTable.Cell>{t.number(c.turnCount)}</IndexTable.Cell>
            <IndexTable.Cell>{consent(c.consentState)}</IndexTable.Cell>
            <IndexTable.Cell>{c.orderVerified ? t("conversations.yes") : t("conversations.no")}</IndexTable.Cell>
          </>
        )}
        condensed={(c) => (
          <BlockStack gap="100">
            <InlineStack align="space-between" gap="200" blockAlign="center">
              {started(c)}
              {outcomeBadge(c)}
            </InlineStack>
            <Text as="span" tone="subdued">
              {c.basicMode ? t("conversations.basic") : t("conversations.ai")} · {t("conversations.turns")}: {t.number(c.turnCount)} ·{" "}
              {t("conversations.consent")}: {consent(c.consentState)}
            </Text>
          </BlockStack>
        )}
      />
    </AdminPage>
  );
}

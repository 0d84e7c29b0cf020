// Analytics for 7/30/90 days: conversations per day, share answered without a
// person, handoffs, basic-mode share, top topics and orders asked about.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Select, Text } from "@shopify/polaris";
import { adminDeps } from "../composition/admin-context.server";
import vizStyles from "@shopify/polaris-viz/build/esm/styles.css";
import { Bars, Donut } from "../admin-ui/charts";
import { useT } from "../admin-ui/i18n/i18n";
import { EmptyNotice } from "../admin-ui/empty";
import { AdminPage } from "../admin-ui/admin-page";
import { useFilterParams } from "../admin-ui/pagination";
import { loadAnalytics } from "../analytics/analytics.server";
import { conversationStats } from "../conversations/store/conversation-stats.server";
import { parseRangeDays } from "../analytics/ranges";
import { authenticate } from "../composition/shopify.server";
import { shopAdminTimeZone } from "../composition/admin-locale.server";
import { adminGraphqlOf } from "../infra/shopify/admin-graphql.server";

export const meta: MetaFunction = () => [{ title: "Analytics · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const range = parseRangeDays(new URL(request.url).searchParams.get("range"));
  const deps = adminDeps();
  // Days are the shop's calendar days, in the zone the layout shows times in.
  const timeZone = await shopAdminTimeZone(deps.db, session.shop, adminGraphqlOf(admin));
  return json(await loadAnalytics({ ...deps, conversations: conversationStats }, session.shop, range, timeZone));
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: vizStyles }];

function Metric({ label, value, help }: { label: string; value: string; help: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h2" variant="headingSm">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
        <Text as="p" tone="subdued">
          {help}
        </Text>
      </BlockStack>
    </Card>
  );
}

export default function Analytics() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const { set } = useFilterParams();
  // A day is already the shop's calendar day ("2026-03-01"): shown as that date, read
  // at noon UTC so no zone moves it to a neighbour.
  const dayLabel = (day: string) =>
    new Date(`${day}T12:00:00Z`).toLocaleDateString(t.locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const empty = t("analytics.noTopics");
  return (
    <AdminPage title={t("analytics.title")} subtitle={t("analytics.subtitle")}>
      <Layout>
        <Layout.Section>
          <Card>
            <Select
              label={t("analytics.period")}
              value={String(data.rangeDays)}
              onChange={(range) => set({ range })}
              options={[7, 30, 90].map((days) => ({ label: t("analytics.last", { count: days }), value: String(days) }))}
            />
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="400">
            <Metric
              label={t("analytics.conversations")}
              value={t.number(data.conversations)}
              help={t("analytics.conversationsHelp", { count: data.rangeDays })}
            />
            <Metric
              label={t("analytics.answered")}
              value={t.percent(data.answeredWithoutPerson.share)}
              help={t("analytics.answeredHelp", { count: data.answeredWithoutPerson.count })}
            />
            <Metric
              label={t("analytics.handoffs")}
              value={t.number(data.handoffs.count)}
              help={t("analytics.handoffsHelp", { share: t.percent(data.handoffs.share) })}
            />
            <Metric
              label={t("analytics.basicMode")}
              value={t.percent(data.basicMode.share)}
              help={t("analytics.basicModeHelp", { count: data.basicMode.count })}
            />
            <Metric label={t("analytics.orders")} value={t.number(data.ordersAskedAbout)} help={t("analytics.ordersHelp")} />
          </InlineGrid>
        </Layout.Section>
        {data.conversations === 0 ? (
          <Layout.Section>
            <Card>
              <EmptyNotice heading={t("analytics.emptyHeading")}>
                <p>{t("analytics.emptyBody")}</p>
              </EmptyNotice>
            </Card>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <Bars
              title={t("analytics.perDay")}
              keyHeading={t("analytics.day")}
              valueHeading={t("analytics.conversations")}
              empty={t("analytics.emptyHeading")}
              points={data.perDay.map((d) => ({ key: d.day, label: dayLabel(d.day), value: d.count }))}
            />
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <Card>
            <Donut
              title={t("analytics.outcomes")}
              keyHeading={t("analytics.outcomes")}
              valueHeading={t("analytics.conversations")}
              empty={empty}
              points={data.outcomes.map((o) => ({
                key: o.outcome,
                label: t.has(`analytics.outcome.${o.outcome}`)
                  ? t(`analytics.outcome.${o.outcome}` as "analytics.outcome.open")
                  : o.outcome,
                value: o.count,
              }))}
            />
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <Card>
            <Donut
              title={t("analytics.modeShare")}
              keyHeading={t("analytics.modeShare")}
              valueHeading={t("analytics.conversations")}
              empty={empty}
              points={[
                { key: "ai", label: t("analytics.mode.ai"), value: Math.max(0, data.conversations - data.basicMode.count) },
                { key: "basic", label: t("analytics.mode.basic"), value: data.basicMode.count },
              ]}
            />
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <Bars
              horizontal
              title={t("analytics.topics")}
              keyHeading={t("analytics.topics")}
              valueHeading={t("analytics.messages")}
              empty={empty}
              points={data.topTopics.map((topic) => ({
                key: topic.topic,
                label: t.has(`analytics.topic.${topic.topic}`)
                  ? t(`analytics.topic.${topic.topic}` as "analytics.topic.other")
                  : topic.topic,
                value: topic.count,
              }))}
            />
          </Card>
        </Layout.Section>
      </Layout>
    </AdminPage>
  );
}

// Analytics for 7/30/90 days: conversations per day, share answered without a
// person, handoffs, basic-mode share, top topics and orders asked about.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Select, Text } from "@shopify/polaris";
import { adminDeps } from "../composition/admin-context.server";
import { BarChart } from "../admin-ui/bar-chart";
import { EmptyNotice } from "../admin-ui/empty";
import { AdminPage } from "../admin-ui/admin-page";
import { SectionCard } from "../admin-ui/section-card";
import { percent } from "../admin-ui/format";
import { useFilterParams } from "../admin-ui/pagination";
import { loadAnalytics } from "../analytics/analytics.server";
import { rangeDaysSchema } from "../analytics/ranges";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Analytics · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const range = rangeDaysSchema.parse(new URL(request.url).searchParams.get("range") ?? undefined);
  return json(await loadAnalytics(adminDeps(), session.shop, range));
};

const TOPIC_LABELS: Record<string, string> = { product: "Products", order: "Orders", policy: "Policies", handoff: "Talk to a person", other: "Other" };

function Metric({ label, value, help }: { label: string; value: string; help: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h2" variant="headingSm">{label}</Text>
        <Text as="p" variant="heading2xl">{value}</Text>
        <Text as="p" tone="subdued">{help}</Text>
      </BlockStack>
    </Card>
  );
}

export default function Analytics() {
  const data = useLoaderData<typeof loader>();
  const { set } = useFilterParams();
  return (
    <AdminPage title="Analytics" subtitle="Counts only: no message text is used for these numbers.">
      <Layout>
        <Layout.Section>
          <Card>
            <Select label="Period" value={String(data.rangeDays)} onChange={(range) => set({ range })}
              options={[{ label: "Last 7 days", value: "7" }, { label: "Last 30 days", value: "30" }, { label: "Last 90 days", value: "90" }]} />
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="400">
            <Metric label="Conversations" value={String(data.conversations)} help={`In the last ${data.rangeDays} days.`} />
            <Metric label="Answered without a person" value={percent(data.answeredWithoutPerson.share)} help={`${data.answeredWithoutPerson.count} conversations.`} />
            <Metric label="Handoffs" value={String(data.handoffs.count)} help={`${percent(data.handoffs.share)} of conversations asked for a person.`} />
            <Metric label="Basic mode" value={percent(data.basicMode.share)} help={`${data.basicMode.count} conversations answered without the AI at least once.`} />
            <Metric label="Orders asked about" value={String(data.ordersAskedAbout)} help="Order status and tracking look-ups." />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            {data.conversations === 0 ? (
              <EmptyNotice heading="No conversations in this period">
                <p>Switch the assistant on in your theme and ask it something on your storefront; the chart fills in from the first conversation.</p>
              </EmptyNotice>
            ) : (
              <BarChart title="Conversations per day" valueLabel="conversations" bars={data.perDay.map((d) => ({ label: d.day, value: d.count }))} />
            )}
          </Card>
        </Layout.Section>
        <SectionCard title="Top topics" gap="200">
          {data.topTopics.length === 0 ? (
            <Text as="p" tone="subdued">No topics yet in this period.</Text>
          ) : (
            <BarChart title="Messages per topic" valueLabel="messages" bars={data.topTopics.map((t) => ({ label: TOPIC_LABELS[t.topic] ?? t.topic, value: t.count }))} />
          )}
        </SectionCard>
      </Layout>
    </AdminPage>
  );
}

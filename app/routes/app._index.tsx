// Home: the set-up checklist, told truthfully, and the assistant's mode.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, InlineStack, Layout, Text } from "@shopify/polaris";
import { adminDeps, modelProvider } from "../composition/admin-context.server";
import { appRoot } from "../composition/root.server";
import { embedDeepLink, loadSetupChecklist, type ChecklistState } from "../setup/setup-checklist.server";
import { AdminPage } from "../admin-ui/admin-page";
import { SectionCard } from "../admin-ui/section-card";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Home · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { db, clock } = adminDeps();
  const checklist = await loadSetupChecklist({ db, clock, provider: modelProvider }, session.shop);
  return json({ checklist, embedLink: embedDeepLink(session.shop, appRoot().config.SHOPIFY_API_KEY) });
};

const TITLES = {
  embed: "Switch on the assistant in your theme",
  privacy_notice: "Write your privacy notice",
  retention: "Choose how long conversations are kept",
  knowledge: "Start your knowledge base",
  test_conversation: "Have a test conversation",
} as const;

const MODE_BADGES = {
  ai: { tone: "success", label: "AI answers" },
  basic: { tone: "info", label: "Basic mode" },
  paused: { tone: "critical", label: "Paused" },
} as const;

const BADGES: Record<ChecklistState, { tone: "success" | "attention"; label: string }> = {
  done: { tone: "success", label: "Done" },
  todo: { tone: "attention", label: "To do" },
};

export default function Home() {
  const { checklist, embedLink } = useLoaderData<typeof loader>();
  const actions: Record<string, JSX.Element> = {
    embed: <Button url={embedLink} target="_top">Open the theme editor</Button>,
    privacy_notice: <Link to="/app/privacy">Privacy settings</Link>,
    retention: <Link to="/app/privacy">Privacy settings</Link>,
    knowledge: <Link to="/app/knowledge">Knowledge base</Link>,
    test_conversation: <Link to="/app/conversations">Conversations</Link>,
  };
  const done = checklist.items.filter((i) => i.state === "done").length;
  return (
    <AdminPage title="Shop assistant">
      <Layout>
        {checklist.paused ? (
          <Layout.Section>
            <Banner tone="critical" title="The assistant is paused">
              <p>It stores nothing and exports are disabled. <Link to="/app/incidents">Resume on the Incidents page.</Link></p>
            </Banner>
          </Layout.Section>
        ) : null}
        <SectionCard title={`Set-up (${done} of ${checklist.items.length} done)`} gap="400">
          {checklist.items.map((item) => (
            <InlineStack key={item.id} align="space-between" blockAlign="center" gap="400" wrap={false}>
              <BlockStack gap="100">
                <InlineStack gap="200" align="start" blockAlign="center">
                  <Badge tone={BADGES[item.state].tone}>{BADGES[item.state].label}</Badge>
                  <Text as="h3" variant="headingSm">{TITLES[item.id]}</Text>
                </InlineStack>
                <Text as="p" tone="subdued">{item.detail}</Text>
              </BlockStack>
              {item.state === "done" ? null : actions[item.id]}
            </InlineStack>
          ))}
        </SectionCard>
        <SectionCard title="Assistant mode" variant="oneThird" gap="200">
          <Badge tone={MODE_BADGES[checklist.mode.mode].tone}>{MODE_BADGES[checklist.mode.mode].label}</Badge>
          <Text as="p">{checklist.mode.reason}</Text>
        </SectionCard>
      </Layout>
    </AdminPage>
  );
}

// Home: the set-up checklist, told truthfully, and the assistant's mode.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Layout, Text } from "@shopify/polaris";
import { adminDeps, modelProvider } from "../admin/context.server";
import { embedDeepLink, loadSetupChecklist, type ChecklistState } from "../admin/setup-checklist.server";
import { AdminPage } from "../admin/ui/admin-page";
import { env } from "../env.server";
import { authenticate } from "../shopify.server";

export const meta: MetaFunction = () => [{ title: "Home · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { db, clock } = adminDeps();
  const checklist = await loadSetupChecklist({ db, clock, provider: modelProvider }, session.shop);
  return json({ checklist, embedLink: embedDeepLink(session.shop, env().SHOPIFY_API_KEY) });
};

const TITLES = {
  embed: "Switch on the assistant in your theme",
  privacy_notice: "Write your privacy notice",
  retention: "Choose how long conversations are kept",
  knowledge: "Start your knowledge base",
  test_conversation: "Have a test conversation",
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
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <Text as="h2" variant="headingMd">Set-up ({done} of {checklist.items.length} done)</Text>
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
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">Assistant mode</Text>
              <Badge tone={checklist.mode.mode === "ai" ? "success" : checklist.mode.mode === "paused" ? "critical" : "info"}>
                {checklist.mode.mode === "ai" ? "AI answers" : checklist.mode.mode === "paused" ? "Paused" : "Basic mode"}
              </Badge>
              <Text as="p">{checklist.mode.reason}</Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </AdminPage>
  );
}

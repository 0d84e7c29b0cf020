// One transcript, as stored (redacted before storage), decrypted on the server.
// Viewing is audited; staff access follows settings.access.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Card, InlineStack, Layout, Text } from "@shopify/polaris";
import { z } from "zod";
import { adminDeps, staffOf } from "../composition/admin-context.server";
import { viewTranscript } from "../conversations/admin/conversations.server";
import { AdminPage } from "../admin-ui/admin-page";
import { EmptyNotice } from "../admin-ui/empty";
import { formatDateTime, OUTCOME_LABELS } from "../admin-ui/format";
import { SectionCard } from "../admin-ui/section-card";
import { authenticate } from "../composition/shopify.server";

const paramsSchema = z.object({ id: z.string().min(1).max(100) });

export const meta: MetaFunction = () => [{ title: "Conversation · Shop assistant" }];

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success)
    return json({ ok: false as const, code: "TRANSCRIPT_NOT_FOUND", message: "This conversation does not exist." }, { status: 404 });
  const staff = await staffOf({ session, sessionToken });
  const result = await viewTranscript(adminDeps(), { shop: session.shop, staff, conversationId: parsed.data.id });
  if (!result.ok) return json(result, { status: result.code === "TRANSCRIPT_FORBIDDEN" ? 403 : 404 });
  return json(result);
};

export default function Transcript() {
  const data = useLoaderData<typeof loader>();
  if (!data.ok) {
    return (
      <AdminPage title="Conversation" backAction={{ content: "Conversations", url: "/app/conversations" }}>
        <Banner
          tone={data.code === "TRANSCRIPT_FORBIDDEN" ? "warning" : "critical"}
          title={data.code === "TRANSCRIPT_FORBIDDEN" ? "You cannot open this transcript" : "Conversation not found"}
        >
          <p>{data.message}</p>
        </Banner>
      </AdminPage>
    );
  }
  const { conversation, messages } = data.transcript;
  return (
    <AdminPage
      title={`Conversation of ${formatDateTime(conversation.createdAt)}`}
      backAction={{ content: "Conversations", url: "/app/conversations" }}
      titleMetadata={<Badge>{OUTCOME_LABELS[conversation.outcome] ?? conversation.outcome}</Badge>}
      subtitle="Shown as stored: card numbers (and emails/phones if you chose) were removed before saving. This view was recorded in the audit log."
    >
      <Layout>
        <Layout.Section>
          <Card>
            {messages.length === 0 ? (
              <EmptyNotice heading="No messages stored">
                <p>The shopper did not consent, transcripts are switched off, or the messages were deleted after the retention period.</p>
              </EmptyNotice>
            ) : (
              <BlockStack gap="300">
                {messages.map((m) => (
                  <Box
                    key={m.id}
                    padding="300"
                    borderRadius="200"
                    background={m.role === "assistant" ? "bg-surface-secondary" : "bg-surface-info"}
                  >
                    <BlockStack gap="100">
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="span" fontWeight="semibold">
                          {m.role === "assistant" ? "Assistant" : "Shopper"}
                        </Text>
                        <Text as="span" tone="subdued">
                          {formatDateTime(m.createdAt)}
                        </Text>
                        {m.role === "assistant" && m.mode === "basic" ? <Badge tone="info">Basic mode</Badge> : null}
                        {m.topic ? <Badge>{m.topic}</Badge> : null}
                      </InlineStack>
                      <Text as="p" breakWord>
                        {m.text}
                      </Text>
                      {m.cards.length > 0 ? (
                        <Text as="p" tone="subdued">
                          Shown: {m.cards.map((c) => `${c.kind} "${c.title}"`).join(", ")}
                        </Text>
                      ) : null}
                    </BlockStack>
                  </Box>
                ))}
              </BlockStack>
            )}
          </Card>
        </Layout.Section>
        <SectionCard title="Details" variant="oneThird" gap="200">
          <Text as="p">Mode: {conversation.basicMode ? "basic mode at least once" : "AI"}</Text>
          <Text as="p">Consent: {conversation.consentState.replace("_", " ")}</Text>
          <Text as="p">Order verified: {conversation.orderVerified ? "yes" : "no"}</Text>
          <Text as="p">Language: {conversation.locale ?? "unknown"}</Text>
          <Text as="p">Last message: {formatDateTime(conversation.lastMessageAt)}</Text>
        </SectionCard>
      </Layout>
    </AdminPage>
  );
}

// Knowledge base: the merchant's FAQ (search, create, edit, delete) and the store
// policies as the assistant reads them from Shopify (with a refresh).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Layout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { adminDeps, staffOf } from "../composition/admin-context.server";
import { applyFaqAction, faqActionSchema, loadKnowledgePage } from "../knowledge/admin/knowledge-admin.server";
import { AdminPage, ErrorBanner } from "../admin-ui/admin-page";
import { EmptyNotice } from "../admin-ui/empty";
import { SectionCard } from "../admin-ui/section-card";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Knowledge base · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return json({ query, ...(await loadKnowledgePage({ db: adminDeps().db, admin }, session.shop, query)) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const parsed = faqActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
    return json({ ok: false as const, message: "Check the highlighted fields.", fieldErrors }, { status: 400 });
  }
  const { db, audit } = adminDeps();
  const result = await applyFaqAction({ db, audit }, { shop: session.shop, staff: await staffOf({ session, sessionToken }), action: parsed.data });
  if (!result.ok) return json({ ok: false as const, message: result.message, fieldErrors: {} as Record<string, string> }, { status: 404 });
  return json({ ok: true as const, message: null, fieldErrors: {} as Record<string, string> });
};

function FaqEditor({ entry, onDone }: { entry?: { id: string; question: string; answer: string }; onDone?: () => void }) {
  const result = useActionData<typeof action>();
  const [question, setQuestion] = useState(entry?.question ?? "");
  const [answer, setAnswer] = useState(entry?.answer ?? "");
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <Form method="post" onSubmit={onDone}>
      <input type="hidden" name="intent" value={entry ? "update" : "create"} />
      {entry ? <input type="hidden" name="id" value={entry.id} /> : null}
      <BlockStack gap="300">
        <TextField label="Question" name="question" autoComplete="off" value={question} onChange={setQuestion} error={errors.question} helpText="How a shopper might ask it." />
        <TextField label="Answer" name="answer" autoComplete="off" multiline={3} value={answer} onChange={setAnswer} error={errors.answer} helpText="The assistant uses your words; keep it short and exact." />
        <InlineStack gap="200">
          <Button submit variant="primary">{entry ? "Save answer" : "Add to FAQ"}</Button>
          {entry && onDone ? <Button onClick={onDone}>Cancel</Button> : null}
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

export default function Knowledge() {
  const { faqs, totalFaqs, policies, query } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(query);
  const [editing, setEditing] = useState<string | null>(null);
  const revalidator = useRevalidator();
  const busy = useNavigation().state !== "idle";
  return (
    <AdminPage title="Knowledge base" subtitle="What the assistant may say: your FAQ answers and your store policies.">
      <Layout>
        <Layout.Section>
          <ErrorBanner title="Not saved" message={result && !result.ok ? result.message : null} />
        </Layout.Section>
        <SectionCard title={`FAQ (${totalFaqs})`} gap="400">
          <Form method="get" onSubmit={(e) => { e.preventDefault(); const next = new URLSearchParams(params); if (search) next.set("q", search); else next.delete("q"); setParams(next); }}>
            <InlineStack gap="200" blockAlign="end">
              <TextField label="Search the FAQ" name="q" autoComplete="off" value={search} onChange={setSearch} clearButton onClearButtonClick={() => { setSearch(""); setParams(new URLSearchParams()); }} />
              <Button submit>Search</Button>
            </InlineStack>
          </Form>
          {faqs.length === 0 ? (
            <EmptyNotice heading={totalFaqs === 0 ? "No FAQ answers yet" : "No FAQ answer matches"}>
              <p>{totalFaqs === 0 ? "Add the questions shoppers ask most (delivery times, sizing, gift wrapping). The assistant answers them in your words." : "Try another word or clear the search."}</p>
            </EmptyNotice>
          ) : (
            faqs.map((entry) => (
              <Card key={entry.id} background="bg-surface-secondary">
                {editing === entry.id ? (
                  <FaqEditor entry={entry} onDone={() => setEditing(null)} />
                ) : (
                  <BlockStack gap="200">
                    <Text as="h3" variant="headingSm">{entry.question}</Text>
                    <Text as="p">{entry.answer}</Text>
                    <InlineStack gap="200">
                      <Button onClick={() => setEditing(entry.id)}>Edit</Button>
                      <Form method="post">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="id" value={entry.id} />
                        <Button submit tone="critical" variant="secondary" accessibilityLabel={`Delete the FAQ answer "${entry.question}"`}>Delete</Button>
                      </Form>
                    </InlineStack>
                  </BlockStack>
                )}
              </Card>
            ))
          )}
          <Text as="h3" variant="headingSm">Add an answer</Text>
          <FaqEditor key={totalFaqs} />
        </SectionCard>
        <SectionCard title="Store policies" variant="oneThird"
          aside={<Button onClick={() => revalidator.revalidate()} loading={revalidator.state === "loading" || busy}>Refresh</Button>}>
          <Text as="p" tone="subdued">Read from Shopify each time the assistant answers. Edit them in Settings › Policies.</Text>
          {!policies.ok ? (
            <Banner tone="warning" title="Policies could not be loaded">
              <p>{policies.message} The assistant says it cannot look them up right now.</p>
            </Banner>
          ) : policies.items.length === 0 ? (
            <EmptyNotice heading="No policies published">
              <p>Write your refund, shipping and privacy policies in Shopify (Settings › Policies) so the assistant can quote them.</p>
            </EmptyNotice>
          ) : (
            policies.items.map((p) => (
              <BlockStack key={p.type} gap="100">
                <Text as="h3" variant="headingSm">{p.title}</Text>
                <Text as="p" tone="subdued">{p.excerpt}</Text>
              </BlockStack>
            ))
          )}
        </SectionCard>
      </Layout>
    </AdminPage>
  );
}

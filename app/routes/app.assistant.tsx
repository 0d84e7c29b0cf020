// Assistant settings: greeting and tone, the merchant's instructions, allowed and
// blocked topics with the refusal text, and handoff (email, lead fields, hours).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, ChoiceList, InlineGrid, Layout, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { adminDeps } from "../admin/context.server";
import { AdminPage } from "../admin/ui/admin-page";
import { SettingsBanner } from "../admin/ui/settings-banner";
import { handleSettingsForm } from "../settings/settings-action.server";
import { assistantFormToPatch, WEEKDAYS } from "../settings/settings-forms";
import { loadShopSettings } from "../settings/shop-settings.server";
import { authenticate } from "../shopify.server";

export const meta: MetaFunction = () => [{ title: "Assistant · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const settings = await loadShopSettings(adminDeps().db, session.shop);
  return json({ widget: settings.widget, content: settings.content, handoff: settings.handoff, leadFields: settings.privacy.leadFields });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin, sessionToken } = await authenticate.admin(request);
  const patch = assistantFormToPatch(await request.formData());
  return json(await handleSettingsForm({ session, admin, sessionToken }, patch));
};

export default function AssistantSettings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.fieldErrors : {};
  const hours = Object.fromEntries(data.handoff.businessHours.map((h) => [h.day, h]));
  const [v, setV] = useState({
    greeting: data.widget.greeting,
    tone: data.widget.tone as string,
    instructions: data.content.instructions,
    allowedTopics: data.content.allowedTopics.join("\n"),
    blockedTopics: data.content.blockedTopics.join("\n"),
    refusalText: data.content.refusalText,
    handoffEmail: data.handoff.handoffEmail,
    timeZone: data.handoff.timeZone,
    ...Object.fromEntries(WEEKDAYS.flatMap((_, d) => [[`open${d}`, hours[d]?.open ?? ""], [`close${d}`, hours[d]?.close ?? ""]])),
  } as Record<string, string>);
  const [leadFields, setLeadFields] = useState<string[]>(data.leadFields);
  const set = (key: string) => (value: string) => setV((old) => ({ ...old, [key]: value }));
  const field = (key: string, label: string, help: string, error: string | undefined, multiline?: number) => (
    <TextField label={label} name={key} autoComplete="off" multiline={multiline} value={v[key] ?? ""} onChange={set(key)} helpText={help} error={error} />
  );
  return (
    <AdminPage title="Assistant">
      <Form method="post">
        <Layout>
          <Layout.Section>
            <SettingsBanner result={result} />
          </Layout.Section>
          <Layout.AnnotatedSection title="Voice" description="How the assistant greets and sounds.">
            <Card>
              <BlockStack gap="400">
                {field("greeting", "Greeting", "The first line shoppers see when they open the chat.", errors["widget.greeting"], 2)}
                <Select label="Tone" name="tone" value={v.tone} onChange={set("tone")} error={errors["widget.tone"]} helpText="A hint to the model; basic mode answers stay plain."
                  options={[{ label: "Friendly", value: "friendly" }, { label: "Concise", value: "concise" }, { label: "Formal", value: "formal" }]} />
                {field("instructions", "Instructions", "Extra guidance for the AI (never shown to shoppers), e.g. \"Mention free returns\".", errors["content.instructions"], 4)}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Topics" description="Checked in the prompt and again on every answer.">
            <Card>
              <BlockStack gap="400">
                {field("allowedTopics", "Allowed topics", "One per line; empty means products, orders and policies of this shop.", errors["content.allowedTopics"], 3)}
                {field("blockedTopics", "Blocked topics", "One per line; questions about these get the refusal text.", errors["content.blockedTopics"], 3)}
                {field("refusalText", "Refusal text", "What the assistant says when a question is off-limits.", errors["content.refusalText"], 2)}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Handoff to a person" description="When a shopper asks for a person, the assistant collects only these fields.">
            <Card>
              <BlockStack gap="400">
                {field("handoffEmail", "Handoff email", "Where new handoff requests are announced; leave empty to check the Leads page yourself.", errors["handoff.handoffEmail"])}
                <ChoiceList allowMultiple title="Fields to collect" name="leadFields" selected={leadFields} onChange={setLeadFields} error={errors["privacy.leadFields"]}
                  choices={[
                    { label: "Name", value: "name", helpText: "To address the shopper." },
                    { label: "Email", value: "email", helpText: "To answer by email." },
                    { label: "Phone", value: "phone", helpText: "Only if you call shoppers back." },
                    { label: "Message", value: "message", helpText: "What the shopper needs." },
                  ]} />
                <Text as="h3" variant="headingSm">Business hours</Text>
                <Text as="p" tone="subdued">Outside these hours the assistant says when someone will reply. Empty days are closed.</Text>
                {field("timeZone", "Time zone", "An IANA time zone such as Europe/Berlin.", errors["handoff.timeZone"])}
                {WEEKDAYS.map((day, d) => (
                  <InlineGrid key={day} columns={3} gap="200" alignItems="center">
                    <Text as="span">{day}</Text>
                    <TextField label={`${day} opens`} labelHidden placeholder="09:00" name={`open${d}`} autoComplete="off" value={v[`open${d}`] ?? ""} onChange={set(`open${d}`)} />
                    <TextField label={`${day} closes`} labelHidden placeholder="17:00" name={`close${d}`} autoComplete="off" value={v[`close${d}`] ?? ""} onChange={set(`close${d}`)} />
                  </InlineGrid>
                ))}
                {errors["handoff.businessHours"] ? <Text as="p" tone="critical">{errors["handoff.businessHours"]}</Text> : null}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <Button submit variant="primary" loading={saving}>Save assistant settings</Button>
          </Layout.Section>
        </Layout>
      </Form>
    </AdminPage>
  );
}

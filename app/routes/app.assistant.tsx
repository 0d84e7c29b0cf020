// Assistant settings: greeting and tone, the merchant's instructions, allowed and
// blocked topics with the refusal text, and handoff (email, lead fields, hours).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceList, InlineGrid, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { adminDeps, staffOf } from "../composition/admin-context.server";
import { fieldErrorsOf, SettingsFormPage, SettingsSection, SettingTextField, useFormValues } from "../admin-ui/settings-form";
import { handleSettingsForm } from "../settings/admin/settings-action.server";
import { assistantFormToPatch, WEEKDAYS } from "../settings/admin/settings-forms";
import { loadShopSettings } from "../settings/shop-settings.server";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Assistant · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const settings = await loadShopSettings(adminDeps().db, session.shop);
  return json({ widget: settings.widget, content: settings.content, handoff: settings.handoff, leadFields: settings.privacy.leadFields });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin, sessionToken } = await authenticate.admin(request);
  const patch = assistantFormToPatch(await request.formData());
  const auth = { session, admin, sessionToken };
  return json(await handleSettingsForm({ ...adminDeps(), staff: await staffOf(auth) }, auth, patch));
};

export default function AssistantSettings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = fieldErrorsOf(result);
  const hours = Object.fromEntries(data.handoff.businessHours.map((h) => [h.day, h]));
  const form = useFormValues({
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
  return (
    <SettingsFormPage title="Assistant" result={result} saveLabel="Save assistant settings">
      <SettingsSection title="Voice" description="How the assistant greets and sounds.">
        <SettingTextField form={form} name="greeting" label="Greeting" multiline={2} error={errors["widget.greeting"]} help="The first line shoppers see when they open the chat." />
        <Select label="Tone" name="tone" value={form.values.tone} onChange={form.set("tone")} error={errors["widget.tone"]} helpText="A hint to the model; basic mode answers stay plain."
          options={[{ label: "Friendly", value: "friendly" }, { label: "Concise", value: "concise" }, { label: "Formal", value: "formal" }]} />
        <SettingTextField form={form} name="instructions" label="Instructions" multiline={4} error={errors["content.instructions"]} help={"Extra guidance for the AI (never shown to shoppers), e.g. \"Mention free returns\"."} />
      </SettingsSection>
      <SettingsSection title="Topics" description="Checked in the prompt and again on every answer.">
        <SettingTextField form={form} name="allowedTopics" label="Allowed topics" multiline={3} error={errors["content.allowedTopics"]} help="One per line; empty means products, orders and policies of this shop." />
        <SettingTextField form={form} name="blockedTopics" label="Blocked topics" multiline={3} error={errors["content.blockedTopics"]} help="One per line; questions about these get the refusal text." />
        <SettingTextField form={form} name="refusalText" label="Refusal text" multiline={2} error={errors["content.refusalText"]} help="What the assistant says when a question is off-limits." />
      </SettingsSection>
      <SettingsSection title="Handoff to a person" description="When a shopper asks for a person, the assistant collects only these fields.">
        <SettingTextField form={form} name="handoffEmail" label="Handoff email" error={errors["handoff.handoffEmail"]} help="Where new handoff requests are announced; leave empty to check the Leads page yourself." />
        <ChoiceList allowMultiple title="Fields to collect" name="leadFields" selected={leadFields} onChange={setLeadFields} error={errors["privacy.leadFields"]}
          choices={[
            { label: "Name", value: "name", helpText: "To address the shopper." },
            { label: "Email", value: "email", helpText: "To answer by email." },
            { label: "Phone", value: "phone", helpText: "Only if you call shoppers back." },
            { label: "Message", value: "message", helpText: "What the shopper needs." },
          ]} />
        <Text as="h3" variant="headingSm">Business hours</Text>
        <Text as="p" tone="subdued">Outside these hours the assistant says when someone will reply. Empty days are closed.</Text>
        <SettingTextField form={form} name="timeZone" label="Time zone" error={errors["handoff.timeZone"]} help="An IANA time zone such as Europe/Berlin." />
        {WEEKDAYS.map((day, d) => (
          <InlineGrid key={day} columns={3} gap="200" alignItems="center">
            <Text as="span">{day}</Text>
            <SettingTextField form={form} name={`open${d}`} label={`${day} opens`} labelHidden placeholder="09:00" />
            <SettingTextField form={form} name={`close${d}`} label={`${day} closes`} labelHidden placeholder="17:00" />
          </InlineGrid>
        ))}
        {errors["handoff.businessHours"] ? <Text as="p" tone="critical">{errors["handoff.businessHours"]}</Text> : null}
      </SettingsSection>
    </SettingsFormPage>
  );
}

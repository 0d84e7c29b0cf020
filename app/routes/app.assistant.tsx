// Assistant settings: greeting and tone, the merchant's instructions, allowed and
// blocked topics with the refusal text, and handoff (email, lead fields, hours).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BlockStack, Checkbox, ChoiceList, InlineError, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { adminGraphqlOf } from "../infra/shopify/admin-graphql.server";
import { adminDeps, staffOf } from "../composition/admin-context.server";
import { fieldErrorsOf, SettingsFormPage, SettingsSection, useFormValues } from "../admin-ui/settings-form";
import { supportedTimeZones, useT, type Translator } from "../admin-ui/i18n/i18n";
import { handleSettingsForm } from "../settings/admin/settings-action.server";
import { assistantFormToPatch } from "../settings/admin/settings-forms.server";
import { WEEKDAYS } from "../contracts/settings-form";
import { loadShopSettings } from "../settings/shop-settings.server";
import { authenticate } from "../composition/shopify.server";

export const meta: MetaFunction = () => [{ title: "Assistant · Shop assistant" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const settings = await loadShopSettings(adminDeps().db, session.shop);
  // The zone list comes from the server, so the server and the browser render the same options.
  return json({
    widget: settings.widget,
    content: settings.content,
    handoff: settings.handoff,
    leadFields: settings.privacy.leadFields,
    timeZones: supportedTimeZones(),
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin, sessionToken } = await authenticate.admin(request);
  const patch = assistantFormToPatch(await request.formData());
  const auth = { session, admin: adminGraphqlOf(admin), sessionToken };
  return json(await handleSettingsForm({ ...adminDeps(), staff: await staffOf(auth) }, auth, patch));
};

const TEXTS = ["greeting", "instructions", "allowedTopics", "blockedTopics", "refusalText", "handoffEmail"] as const;
const SECTION: Record<string, string> = {
  greeting: "widget",
  tone: "widget",
  instructions: "content",
  allowedTopics: "content",
  blockedTopics: "content",
  refusalText: "content",
  handoffEmail: "handoff",
  timeZone: "handoff",
  leadFields: "privacy",
};
const DEFAULT_HOURS = { open: "09:00", close: "17:00" };

export default function AssistantSettings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = fieldErrorsOf(result, t);
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
    leadFields: data.leadFields as string[],
    ...Object.fromEntries(
      WEEKDAYS.flatMap((_, d) => [
        [`dayOpen${d}`, Boolean(hours[d])],
        [`open${d}`, hours[d]?.open ?? DEFAULT_HOURS.open],
        [`close${d}`, hours[d]?.close ?? DEFAULT_HOURS.close],
      ]),
    ),
  } as Record<string, string | boolean | string[]>);
  const values = form.values as Record<string, string> & Record<`dayOpen${number}`, boolean> & { leadFields: string[] };
  const set = (name: string) => form.set(name);
  const error = (name: string) => errors[`${SECTION[name]}.${name}`];
  const labels: Record<string, string> = {
    ...Object.fromEntries(
      [...TEXTS, "tone", "timeZone", "leadFields"].map((name) => [
        `${SECTION[name]}.${name}`,
        t(`assistant.${name}` as "assistant.greeting"),
      ]),
    ),
    "handoff.businessHours": t("assistant.hours.title"),
  };
  for (let d = 0; d < 7; d++) labels[`handoff.businessHours.${d}`] = t(`weekday.${d}` as "weekday.0");
  const text = (name: (typeof TEXTS)[number], multiline?: number, type?: "email") => (
    <TextField
      label={t(`assistant.${name}`)}
      name={name}
      autoComplete={type === "email" ? "email" : "off"}
      type={type}
      multiline={multiline}
      value={values[name] ?? ""}
      onChange={set(name)}
      helpText={t(`assistant.${name}.help`)}
      error={error(name)}
    />
  );
  const zones = data.timeZones.includes(values.timeZone ?? "") ? data.timeZones : [values.timeZone ?? "UTC", ...data.timeZones];
  return (
    <SettingsFormPage title={t("assistant.title")} form={form} result={result} saveLabel={t("assistant.save")} labels={labels}>
      <SettingsSection title={t("assistant.voice.title")} description={t("assistant.voice.description")}>
        {text("greeting", 2)}
        <Select
          label={t("assistant.tone")}
          name="tone"
          value={values.tone}
          onChange={set("tone")}
          error={error("tone")}
          helpText={t("assistant.tone.help")}
          options={(["friendly", "concise", "formal"] as const).map((tone) => ({ label: t(`assistant.tone.${tone}`), value: tone }))}
        />
        {text("instructions", 4)}
      </SettingsSection>
      <SettingsSection title={t("assistant.topics.title")} description={t("assistant.topics.description")}>
        {text("allowedTopics", 3)}
        {text("blockedTopics", 3)}
        {text("refusalText", 2)}
      </SettingsSection>
      <SettingsSection title={t("assistant.handoff.title")} description={t("assistant.handoff.description")}>
        {text("handoffEmail", undefined, "email")}
        <ChoiceList
          allowMultiple
          title={t("assistant.leadFields")}
          name="leadFields"
          selected={values.leadFields}
          onChange={set("leadFields")}
          error={error("leadFields")}
          choices={(["name", "email", "phone", "message"] as const).map((field) => ({
            label: t(`assistant.leadFields.${field}`),
            value: field,
            helpText: t(`assistant.leadFields.${field}.help`),
          }))}
        />
      </SettingsSection>
      <SettingsSection title={t("assistant.hours.title")} description={t("assistant.hours.description")}>
        <input type="hidden" name="hours" value="1" />
        <Select
          label={t("assistant.timeZone")}
          name="timeZone"
          value={values.timeZone}
          onChange={set("timeZone")}
          error={error("timeZone")}
          helpText={t("assistant.timeZone.help")}
          options={zones.map((zone) => ({ label: zone.replace(/_/g, " "), value: zone }))}
        />
        {WEEKDAYS.map((_, d) => (
          <BusinessDay
            key={d}
            day={d}
            t={t}
            open={Boolean(values[`dayOpen${d}`])}
            opens={values[`open${d}`] ?? ""}
            closes={values[`close${d}`] ?? ""}
            error={errors[`handoff.businessHours.${d}`]}
            onToggle={set(`dayOpen${d}`)}
            onOpens={set(`open${d}`)}
            onCloses={set(`close${d}`)}
          />
        ))}
        {errors["handoff.businessHours"] && !WEEKDAYS.some((_, d) => errors[`handoff.businessHours.${d}`]) ? (
          <InlineError message={errors["handoff.businessHours"]} fieldID="open1" />
        ) : null}
      </SettingsSection>
    </SettingsFormPage>
  );
}

/** One weekday: an open/closed switch, and when open, its opening and closing times. */
function BusinessDay({
  day,
  t,
  open,
  opens,
  closes,
  error,
  onToggle,
  onOpens,
  onCloses,
}: {
  day: number;
  t: Translator;
  open: boolean;
  opens: string;
  closes: string;
  error?: string;
  onToggle: (open: boolean) => void;
  onOpens: (value: string) => void;
  onCloses: (value: string) => void;
}) {
  const name = t(`weekday.${day}` as "weekday.0");
  return (
    <BlockStack gap="100">
      <InlineStack gap="300" blockAlign="center" wrap>
        <div style={{ minWidth: 150 }}>
          <Checkbox
            label={name}
            name={`dayOpen${day}`}
            value="on"
            checked={open}
            onChange={onToggle}
            helpText={open ? undefined : t("assistant.hours.closed")}
          />
        </div>
        {open ? (
          <InlineStack gap="200" blockAlign="center" wrap={false}>
            <TextField
              label={t("assistant.hours.opens", { day: name })}
              labelHidden
              type="time"
              name={`open${day}`}
              autoComplete="off"
              value={opens}
              onChange={onOpens}
              error={Boolean(error)}
              id={`open${day}`}
            />
            <Text as="span" tone="subdued">
              –
            </Text>
            <TextField
              label={t("assistant.hours.closes", { day: name })}
              labelHidden
              type="time"
              name={`close${day}`}
              autoComplete="off"
              value={closes}
              onChange={onCloses}
              error={Boolean(error)}
              id={`close${day}`}
            />
          </InlineStack>
        ) : (
          <>
            <input type="hidden" name={`open${day}`} value="" />
            <input type="hidden" name={`close${day}`} value="" />
          </>
        )}
      </InlineStack>
      {error ? <InlineError message={error} fieldID={`open${day}`} /> : null}
    </BlockStack>
  );
}

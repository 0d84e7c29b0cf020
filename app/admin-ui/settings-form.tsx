// The settings pages (Assistant, Privacy): one form posted to the route's action,
// the save outcome as a banner, annotated sections of fields, a save button. Each
// field is labelled, explains itself in one line (helpText) and shows its zod error.
import { Form, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, Layout, TextField } from "@shopify/polaris";
import { useState, type ComponentProps, type ReactNode } from "react";
import type { SettingsActionData } from "../settings/admin/settings-action.server";
import { AdminPage } from "./admin-page";
import { SettingsBanner } from "./settings-banner";

interface SettingsFormPageProps {
  title: string;
  subtitle?: string;
  result: SettingsActionData | undefined;
  saveLabel: string;
  children: ReactNode;
}

export function SettingsFormPage({ title, subtitle, result, saveLabel, children }: SettingsFormPageProps) {
  const saving = useNavigation().state === "submitting";
  return (
    <AdminPage title={title} subtitle={subtitle}>
      <Form method="post">
        <Layout>
          <Layout.Section>
            <SettingsBanner result={result} />
          </Layout.Section>
          {children}
          <Layout.Section>
            <Button submit variant="primary" loading={saving}>{saveLabel}</Button>
          </Layout.Section>
        </Layout>
      </Form>
    </AdminPage>
  );
}

export function SettingsSection({ title, description, gap = "400", children }: { title: string; description: string; gap?: "200" | "400"; children: ReactNode }) {
  return (
    <Layout.AnnotatedSection title={title} description={description}>
      <Card>
        <BlockStack gap={gap}>{children}</BlockStack>
      </Card>
    </Layout.AnnotatedSection>
  );
}

/** The field errors of a failed save, keyed by setting path ("privacy.retentionDays"). */
export function fieldErrorsOf(result: SettingsActionData | undefined): Record<string, string | undefined> {
  return result && !result.ok ? result.fieldErrors : {};
}

/** The form's values as controlled state, and a setter per field. */
export function useFormValues<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof V>(key: K) => (value: V[K]) => setValues((old) => ({ ...old, [key]: value }));
  return { values, set };
}

export type FormValues<V extends Record<string, unknown>> = ReturnType<typeof useFormValues<V>>;
type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

type TextFieldProps = Omit<ComponentProps<typeof TextField>, "name" | "value" | "onChange" | "autoComplete" | "helpText" | "label">;

/** A text setting: its value, its label, one line of help and its error. */
export function SettingTextField<V extends Record<string, unknown>>({ form, name, label, help, ...rest }: TextFieldProps & { form: FormValues<V>; name: KeysOf<V, string>; label: string; help?: string }) {
  return (
    <TextField {...rest} label={label} name={name} autoComplete="off" value={(form.values[name] as string | undefined) ?? ""}
      onChange={(value) => form.set(name)(value as V[typeof name])} helpText={help} />
  );
}

/** An on/off setting, posted as "on" when checked. */
export function SettingCheckbox<V extends Record<string, unknown>>({ form, name, label, help, error }: { form: FormValues<V>; name: KeysOf<V, boolean>; label: string; help: string; error?: string }) {
  return (
    <Checkbox name={name} value="on" label={label} helpText={help} checked={form.values[name] as boolean}
      onChange={(checked) => form.set(name)(checked as V[typeof name])} error={error} />
  );
}

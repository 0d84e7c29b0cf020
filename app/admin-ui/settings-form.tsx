// The settings pages (Assistant, Privacy): one form posted to the route's action.
// Changing a field shows App Bridge's contextual save bar (Save, Discard) and guards
// leaving the page; a save answers with a toast, or with a banner at the top that
// lists what to fix (scrolled into view; each entry links to its field) and the same
// sentences at each field.
import { Form, useBlocker, useNavigation, useSubmit } from "@remix-run/react";
import { SaveBar } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, Card, Checkbox, Layout, Link, List, TextField } from "@shopify/polaris";
import { useEffect, useMemo, useRef, useState, type ComponentProps, type ReactNode } from "react";
import { useT, type Translator } from "./i18n/i18n";
import type { SettingsActionData } from "../contracts/settings-form";
import { AdminPage } from "./admin-page";
import { appBridgeButton, useToastOnResult } from "./app-bridge";

export const SETTINGS_SAVE_BAR_ID = "settings-save-bar";

interface SettingsFormPageProps<V extends Record<string, unknown>> {
  title: string;
  subtitle?: string;
  form: FormValues<V>;
  result: SettingsActionData | undefined;
  saveLabel: string;
  /** Field labels by setting path, for the summary banner ("Retention (days): …"). */
  labels: Record<string, string>;
  children: ReactNode;
}

export function SettingsFormPage<V extends Record<string, unknown>>({
  title,
  subtitle,
  form,
  result,
  saveLabel,
  labels,
  children,
}: SettingsFormPageProps<V>) {
  const t = useT();
  const navigation = useNavigation();
  const submit = useSubmit();
  const saving = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const formRef = useRef<HTMLFormElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const { dirty, commit, reset } = form;

  useToastOnResult(result, (r) => {
    if (!r.ok) return { text: t("settings.invalidTitle", { count: listedErrors(r, t).length || 1 }), isError: true };
    if (!r.published) return { text: t("settings.savedNotPublished"), isError: true };
    return { text: r.changed.length ? t("settings.saved") : t("settings.noChanges") };
  });
  // A save answered: saved values become the new baseline; errors are brought into view.
  const lastResult = useRef<SettingsActionData | undefined>(undefined);
  useEffect(() => {
    if (!result || result === lastResult.current) return;
    lastResult.current = result;
    if (result.ok) commit();
    else {
      bannerRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
      bannerRef.current?.querySelector<HTMLElement>("[tabindex], .Polaris-Banner")?.focus?.();
    }
  }, [result, commit]);

  useLeaveGuard(dirty && !saving);
  const save = () => formRef.current && submit(formRef.current, { method: "post" });
  return (
    <AdminPage title={title} subtitle={subtitle}>
      <SaveBar id={SETTINGS_SAVE_BAR_ID} open={dirty || saving}>
        <button {...appBridgeButton(true)} onClick={save} disabled={saving} loading={saving ? "" : undefined}>
          {t("common.save")}
        </button>
        <button onClick={reset} disabled={saving}>
          {t("common.discard")}
        </button>
      </SaveBar>
      <Form method="post" ref={formRef}>
        <Layout>
          <Layout.Section>
            <div ref={bannerRef} style={{ scrollMarginTop: 64 }}>
              <SettingsErrorBanner result={result} labels={labels} t={t} onGoTo={(path) => focusField(formRef.current, path)} />
            </div>
          </Layout.Section>
          {children}
          <Layout.Section>
            <Button submit variant="primary" loading={saving}>
              {saveLabel}
            </Button>
          </Layout.Section>
        </Layout>
      </Form>
    </AdminPage>
  );
}

/** What a failed save needs fixed, as a list at the top of the form. */
function SettingsErrorBanner({
  result,
  labels,
  t,
  onGoTo,
}: {
  result: SettingsActionData | undefined;
  labels: Record<string, string>;
  t: Translator;
  onGoTo: (path: string) => void;
}) {
  if (!result) return null;
  if (result.ok) {
    if (result.published) return null;
    return (
      <Banner tone="warning" title={t("settings.savedNotPublished")}>
        <p>{t("settings.savedNotPublishedBody", { message: result.publishMessage ?? "" })}</p>
      </Banner>
    );
  }
  const entries = listedErrors(result, t);
  return (
    <Banner tone="critical" title={t("settings.invalidTitle", { count: entries.length || 1 })}>
      <BlockStack gap="200">
        <p>{t("settings.invalidBody")}</p>
        <div className="psa-error-summary">
          <List>
            {entries.map(([path, message]) => (
              <List.Item key={path}>
                <Link onClick={() => onGoTo(path)}>
                  {labels[path] && !message.startsWith(labels[path]) ? `${labels[path]}: ${message}` : message}
                </Link>
              </List.Item>
            ))}
          </List>
        </div>
      </BlockStack>
    </Banner>
  );
}

export function SettingsSection({
  title,
  description,
  gap = "400",
  children,
}: {
  title: string;
  description: string;
  gap?: "200" | "400";
  children: ReactNode;
}) {
  return (
    <Layout.AnnotatedSection title={title} description={description}>
      <Card>
        <BlockStack gap={gap}>{children}</BlockStack>
      </Card>
    </Layout.AnnotatedSection>
  );
}

/**
 * The form control a setting path names: its field's name is the path's last part
 * ("privacy.retentionDays" → retentionDays), except translated texts
 * ("privacy.localizedTexts.de.greeting" → text.de.greeting), a weekday's hours
 * ("handoff.businessHours.2" → open2, else its switch) and the lead fields (checkboxes).
 */
export function fieldNamesOf(path: string): string[] {
  const localized = /^privacy\.localizedTexts\.([\w-]+)\.(\w+)$/.exec(path);
  if (localized) return [`text.${localized[1]}.${localized[2]}`];
  const day = /^handoff\.businessHours(?:\.(\d))?$/.exec(path);
  if (day) return day[1] ? [`open${day[1]}`, `dayOpen${day[1]}`] : ["open1", "dayOpen1", "open0", "dayOpen0"];
  const name = path.split(".").pop() ?? path;
  return [name, `${name}[]`];
}

/** Brings a field into view and puts the cursor in it (from the error summary). */
export function focusField(form: HTMLFormElement | null, path: string): boolean {
  if (!form) return false;
  for (const name of fieldNamesOf(path)) {
    const field = [...form.querySelectorAll<HTMLElement>(`[name="${CSS.escape(name)}"]`)].find(
      (el) => !(el instanceof HTMLInputElement && el.type === "hidden"),
    );
    if (!field) continue;
    field.scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
    return true;
  }
  return false;
}

/** The problems a failed save lists: one per field, a business day's once under its day. */
function listedErrors(result: SettingsActionData | undefined, t: Translator): [string, string][] {
  const errors = fieldErrorsOf(result, t);
  const perDay = Object.keys(errors).some((path) => /^handoff\.businessHours\.\d$/.test(path));
  return Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]) && !(perDay && e[0] === "handoff.businessHours"));
}

/**
 * The field errors of a failed save, keyed by setting path ("privacy.retentionDays"),
 * as sentences in the merchant's language: the server names the problem (a setting
 * path, or a code such as "hours.order:2" for Tuesday), the dictionary says it.
 */
export function fieldErrorsOf(result: SettingsActionData | undefined, t: Translator): Record<string, string | undefined> {
  if (!result || result.ok) return {};
  const out: Record<string, string> = {};
  for (const [path, problem] of Object.entries(result.fieldErrors)) out[path] = describeProblem(path, problem, t);
  return out;
}

function describeProblem(path: string, problem: string, t: Translator): string {
  const coded = /^(hours\.(?:format|order)):(\d)$/.exec(problem);
  if (coded) return t(`fieldError.${coded[1]}` as "fieldError.hours.format", { day: t(`weekday.${coded[2]}` as "weekday.0") });
  const staff = /^staff\.notNumeric:(.*)$/s.exec(problem);
  if (staff) return t("fieldError.access.transcriptViewers", { values: staff[1] ?? "" });
  if (problem === "staff.tooMany") return t("fieldError.access.transcriptViewers.tooMany");
  if (problem === "Unknown setting.") return t("settings.unknownSetting");
  // A text in another language says what the same text in the main language would.
  const localized = /^privacy\.localizedTexts\.[\w-]+\.(greeting|aiDisclosure|privacyNotice)$/.exec(path);
  if (localized)
    return t(
      localized[1] === "greeting"
        ? "fieldError.widget.greeting"
        : localized[1] === "aiDisclosure"
          ? "fieldError.privacy.aiDisclosure"
          : "fieldError.privacy.privacyNotice",
    );
  const key = `fieldError.${path}`;
  return t.has(key) ? t(key) : problem;
}

/** The form's values as controlled state, a setter per field, and its dirty state against the last saved values. */
export function useFormValues<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState(initial);
  const [baseline, setBaseline] = useState(initial);
  const set =
    <K extends keyof V>(key: K) =>
    (value: V[K]) =>
      setValues((old) => ({ ...old, [key]: value }));
  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(baseline), [values, baseline]);
  /** The values just saved become the baseline (the save bar goes away). */
  const commit = () => setBaseline(values);
  /** Discard: back to the last saved values. */
  const reset = () => setValues(baseline);
  return { values, set, dirty, commit, reset };
}

export type FormValues<V extends Record<string, unknown>> = ReturnType<typeof useFormValues<V>>;
type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

/**
 * Leaving a page with unsaved changes: App Bridge asks the merchant first
 * (shopify.saveBar.leaveConfirmation resolves once they confirm, or at once when no
 * save bar shows); staying keeps the changes.
 */
export function useLeaveGuard(dirty: boolean) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    const shopify = (window as unknown as { shopify?: { saveBar?: { leaveConfirmation?: () => Promise<void> } } }).shopify;
    const confirm = shopify?.saveBar?.leaveConfirmation?.();
    if (!confirm) {
      blocker.proceed();
      return;
    }
    confirm.then(
      () => blocker.proceed(),
      () => blocker.reset(),
    );
  }, [blocker]);
}

type TextFieldProps = Omit<ComponentProps<typeof TextField>, "name" | "value" | "onChange" | "autoComplete" | "helpText" | "label">;

/** A text setting: its value, its label, one line of help and its error. */
export function SettingTextField<V extends Record<string, unknown>>({
  form,
  name,
  label,
  help,
  ...rest
}: TextFieldProps & { form: FormValues<V>; name: KeysOf<V, string>; label: string; help?: string }) {
  return (
    <TextField
      {...rest}
      label={label}
      name={name}
      autoComplete="off"
      value={(form.values[name] as string | undefined) ?? ""}
      onChange={(value) => form.set(name)(value as V[typeof name])}
      helpText={help}
    />
  );
}

/** An on/off setting, posted as "on" when checked. */
export function SettingCheckbox<V extends Record<string, unknown>>({
  form,
  name,
  label,
  help,
  error,
}: {
  form: FormValues<V>;
  name: KeysOf<V, boolean>;
  label: string;
  help: string;
  error?: string;
}) {
  return (
    <Checkbox
      name={name}
      value="on"
      label={label}
      helpText={help}
      checked={form.values[name] as boolean}
      onChange={(checked) => form.set(name)(checked as V[typeof name])}
      error={error}
    />
  );
}

// Every admin page: its App Bridge title bar (title and actions, drawn by Shopify's
// admin), a Polaris Page that shows a loading skeleton while Remix loads a different
// page, the page's one-line purpose, and the banners of a failed action.
import { useLocation, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Box, Card, Layout, Page, SkeletonBodyText, SkeletonDisplayText, SkeletonPage, Text } from "@shopify/polaris";
import type { ComponentProps, ReactNode } from "react";
import { useT } from "./i18n/i18n";
import { PageTitleBar, type TitleBarAction } from "./app-bridge";

type PolarisPageProps = Omit<ComponentProps<typeof Page>, "title" | "subtitle" | "primaryAction" | "secondaryActions">;

interface AdminPageProps extends PolarisPageProps {
  title: string;
  subtitle?: string;
  primaryAction?: TitleBarAction;
  secondaryActions?: TitleBarAction[];
  children: ReactNode;
}

export function AdminPage({ title, subtitle, primaryAction, secondaryActions, children, ...props }: AdminPageProps) {
  const navigation = useNavigation();
  const location = useLocation();
  const titleBar = <PageTitleBar title={title} primaryAction={primaryAction} secondaryActions={secondaryActions} />;
  if (navigation.state === "loading" && navigation.location.pathname !== location.pathname) {
    return (
      <SkeletonPage primaryAction>
        {titleBar}
        <Layout>
          <Layout.Section>
            <Card>
              <BlockStack gap="400">
                <SkeletonDisplayText size="small" />
                <SkeletonBodyText lines={6} />
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      </SkeletonPage>
    );
  }
  return (
    <Page {...props}>
      {titleBar}
      {subtitle ? (
        <Box paddingBlockEnd="400">
          <Text as="p" tone="subdued">
            {subtitle}
          </Text>
        </Box>
      ) : null}
      {children}
    </Page>
  );
}

export function ErrorBanner({ title, message }: { title?: string; message: string | null | undefined }) {
  const t = useT();
  if (!message) return null;
  return (
    <Banner tone="critical" title={title ?? t("common.somethingWrong")}>
      <p>{message}</p>
    </Banner>
  );
}

/** Exports and downloads while the assistant is paused for an incident: why they are off. */
export function PausedBanner({ paused, title, then }: { paused: boolean; title: string; then: string }) {
  const t = useT();
  if (!paused) return null;
  return (
    <Banner tone="warning" title={title}>
      <p>{t("paused.body", { then })}</p>
    </Banner>
  );
}

// An empty state with our own small inline illustration (no external image request
// from the admin page). Not Polaris' EmptyState: that one draws a 226 × 226 skeleton
// until its image has loaded and then the 300 × 200 image, which shifts everything
// under it (CLS). Here the illustration has its size from the first paint.
import { BlockStack, Box, Button, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

const ILLUSTRATION =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80"><rect x="10" y="14" width="100" height="56" rx="8" fill="#e3e8ee"/><rect x="22" y="28" width="52" height="8" rx="4" fill="#b5c0cc"/><rect x="22" y="44" width="76" height="8" rx="4" fill="#cdd5de"/></svg>',
  );

/** The illustration's box: fixed, so nothing moves when it is decoded. */
export const EMPTY_ILLUSTRATION_SIZE = { width: 180, height: 120 } as const;

export function EmptyNotice({
  heading,
  children,
  action,
}: {
  heading: string;
  children: ReactNode;
  action?: { content: string; url: string };
}) {
  return (
    <Box paddingBlock="600" paddingInline="400">
      <BlockStack gap="300" inlineAlign="center">
        <img
          src={ILLUSTRATION}
          alt=""
          role="presentation"
          width={EMPTY_ILLUSTRATION_SIZE.width}
          height={EMPTY_ILLUSTRATION_SIZE.height}
          style={{ display: "block", width: EMPTY_ILLUSTRATION_SIZE.width, height: EMPTY_ILLUSTRATION_SIZE.height }}
        />
        <div style={{ maxWidth: 400, textAlign: "center" }}>
          <BlockStack gap="150">
            <Text variant="headingMd" as="p" alignment="center">
              {heading}
            </Text>
            <Text as="span" variant="bodySm" alignment="center">
              {children}
            </Text>
          </BlockStack>
        </div>
        {action ? (
          <Button variant="primary" url={action.url}>
            {action.content}
          </Button>
        ) : null}
      </BlockStack>
    </Box>
  );
}

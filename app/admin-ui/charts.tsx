// Charts of the admin with Polaris Viz: labelled axes, tooltips, the numbers also as
// a data table (a disclosure under each chart, read by screen readers too), and an
// empty state. Polaris Viz measures the page, so charts render in the browser only;
// the server (and a browser before hydration) shows the table's skeleton. The
// drawings (./chart-drawings.tsx, with Polaris Viz) are a lazily loaded chunk: until it
// arrives, the same skeleton fills a box of the drawing's exact height (no shift).
import { BlockStack, Box, DataTable, SkeletonBodyText, Text } from "@shopify/polaris";
import { lazy, Suspense, useEffect, useRef, useSyncExternalStore, type ReactNode } from "react";
import { useT } from "./i18n/i18n";
import type { ChartPoint } from "./chart-drawings";

const loadDrawings = () => import("./chart-drawings");
const BarsDrawing = lazy(() => loadDrawings().then((m) => ({ default: m.BarsDrawing })));
const DonutDrawing = lazy(() => loadDrawings().then((m) => ({ default: m.DonutDrawing })));

export type { ChartPoint } from "./chart-drawings";

const noSubscription = () => () => undefined;

/** False on the server and while hydrating, true in the browser afterwards. */
function useMounted() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * The drawing is for the eyes and the mouse (tooltips on hover); screen readers and
 * keyboards get the caption and the data table instead, so the drawing is hidden from
 * them and nothing inside it takes focus (Polaris Viz's own ARIA lists are incomplete).
 */
function ChartDrawing({ height, children }: { height: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const unfocus = () => {
      for (const node of box.querySelectorAll<HTMLElement>("a, button, input, select, textarea, [tabindex]")) {
        if (node.getAttribute("tabindex") !== "-1") node.setAttribute("tabindex", "-1");
      }
    };
    unfocus();
    const observer = new MutationObserver(unfocus);
    observer.observe(box, { subtree: true, childList: true, attributes: true, attributeFilter: ["tabindex"] });
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} style={{ height }} aria-hidden="true">
      {children}
    </div>
  );
}

interface ChartFrameProps {
  title: string;
  points: ChartPoint[];
  keyHeading: string;
  valueHeading: string;
  empty: string;
  height?: number;
  children: ReactNode;
}

/** A chart's heading, its drawing (or its empty state) and its data table. */
function ChartFrame({ title, points, keyHeading, valueHeading, empty, height = 260, children }: ChartFrameProps) {
  const t = useT();
  const mounted = useMounted();
  const hasData = points.some((p) => p.value > 0);
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <BlockStack gap="300">
        <figcaption>
          <Text as="h3" variant="headingSm">
            {title}
          </Text>
        </figcaption>
        {!hasData ? (
          <Box padding="400" background="bg-surface-secondary" borderRadius="200">
            <Text as="p" tone="subdued" alignment="center">
              {empty}
            </Text>
          </Box>
        ) : mounted ? (
          <ChartDrawing height={height}>
            <Suspense fallback={<SkeletonBodyText lines={6} />}>{children}</Suspense>
          </ChartDrawing>
        ) : (
          <div style={{ height }}>
            <SkeletonBodyText lines={6} />
          </div>
        )}
        {hasData ? (
          <details>
            <summary style={{ cursor: "pointer" }}>
              <Text as="span" tone="subdued">
                {t("analytics.dataTable", { title })}
              </Text>
            </summary>
            <DataTable
              columnContentTypes={["text", "numeric"]}
              headings={[keyHeading, valueHeading]}
              rows={points.map((p) => [p.label, t.number(p.value)])}
            />
          </details>
        ) : null}
      </BlockStack>
    </figure>
  );
}

interface BarsProps {
  title: string;
  points: ChartPoint[];
  /** The axis titles: what the bars are (x) and what they count (y). */
  keyHeading: string;
  valueHeading: string;
  empty: string;
  horizontal?: boolean;
}

export function Bars({ title, points, keyHeading, valueHeading, empty, horizontal = false }: BarsProps) {
  const height = horizontal ? Math.max(160, points.length * 44 + 40) : 260;
  return (
    <ChartFrame title={title} points={points} keyHeading={keyHeading} valueHeading={valueHeading} empty={empty} height={height + 44}>
      <BarsDrawing points={points} keyHeading={keyHeading} valueHeading={valueHeading} horizontal={horizontal} height={height} />
    </ChartFrame>
  );
}

export function Donut({ title, points, keyHeading, valueHeading, empty }: Omit<BarsProps, "horizontal">) {
  return (
    <ChartFrame title={title} points={points} keyHeading={keyHeading} valueHeading={valueHeading} empty={empty} height={300}>
      <DonutDrawing points={points} />
    </ChartFrame>
  );
}

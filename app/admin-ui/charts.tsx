// Charts of the admin with Polaris Viz: labelled axes, tooltips, the numbers also as
// a data table (a disclosure under each chart, read by screen readers too), and an
// empty state. Polaris Viz measures the page, so charts render in the browser only;
// the server (and a browser before hydration) shows the table's skeleton.
import { BarChart, DonutChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { BlockStack, Box, DataTable, SkeletonBodyText, Text } from "@shopify/polaris";
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useT } from "./i18n/i18n";

export interface ChartPoint {
  key: string;
  /** The key as shown (a date in the merchant's language, a topic's name). */
  label: string;
  value: number;
}

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

export function ChartsProvider({ children }: { children: ReactNode }) {
  return <PolarisVizProvider>{children}</PolarisVizProvider>;
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
          <ChartDrawing height={height}>{children}</ChartDrawing>
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

const LABEL_WIDTH = 56;

/**
 * The day labels under a vertical bar chart. Polaris Viz draws no x-axis labels here
 * (its label layout comes out empty in this set-up), so they are placed under the
 * bars' own tick marks, as many as fit without overlapping (every bar has a tooltip
 * and a row in the data table).
 */
function useBarCenters(element: HTMLDivElement | null, count: number) {
  const [centers, setCenters] = useState<number[]>([]);
  useEffect(() => {
    if (!element) return;
    const measure = () => {
      const svg = element.querySelector("svg[viewBox]");
      if (!svg) return;
      const viewWidth = Number(svg.getAttribute("viewBox")?.split(" ")[2] ?? 0);
      const scale = viewWidth ? svg.getBoundingClientRect().width / viewWidth : 1;
      const offsetLeft = svg.getBoundingClientRect().left - element.getBoundingClientRect().left;
      // Polaris Viz draws a tick under each empty bar: two of them give the bars' spacing.
      const known: [number, number][] = [];
      let shift = 0;
      for (const group of element.querySelectorAll<SVGGElement>('[data-type="BarGroup"]')) {
        const index = Number(group.getAttribute("data-index"));
        const tick = group.querySelector("line");
        const area = group.closest("mask")?.parentElement ?? group.parentElement?.closest("g[transform]");
        shift = Number(/translate\(([-\d.]+)/.exec(area?.getAttribute("transform") ?? "")?.[1] ?? shift);
        if (tick && Number.isInteger(index)) known.push([index, Number(tick.getAttribute("x1") ?? 0)]);
      }
      let first: number;
      let step: number;
      if (known.length >= 2) {
        const [a, b] = [known[0]!, known[known.length - 1]!];
        step = b[0] === a[0] ? 0 : (b[1] - a[1]) / (b[0] - a[0]);
        first = a[1] - a[0] * step;
      } else {
        step = (viewWidth - shift) / Math.max(count, 1);
        first = step / 2;
      }
      const next = Array.from({ length: count }, (_, index) => offsetLeft + (shift + first + index * step) * scale);
      if (next.length === count && next.every((x) => Number.isFinite(x))) setCenters((old) => (old.join() === next.join() ? old : next));
    };
    measure();
    const observer = new MutationObserver(measure);
    observer.observe(element, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["x1", "transform", "viewBox", "width"],
    });
    const resize = new ResizeObserver(measure);
    resize.observe(element);
    return () => {
      observer.disconnect();
      resize.disconnect();
    };
  }, [element, count]);
  return centers;
}

export function Bars({ title, points, keyHeading, valueHeading, empty, horizontal = false }: BarsProps) {
  const t = useT();
  const labels = new Map(points.map((p) => [p.key, p.label]));
  const height = horizontal ? Math.max(160, points.length * 44 + 40) : 260;
  // A callback ref: the chart mounts after hydration, later than this component.
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const centers = useBarCenters(box, horizontal ? 0 : points.length);
  const step = centers.length > 1 ? (centers[centers.length - 1]! - centers[0]!) / (centers.length - 1) : LABEL_WIDTH;
  const every = Math.max(1, Math.ceil(LABEL_WIDTH / Math.max(step, 1)));
  return (
    <ChartFrame title={title} points={points} keyHeading={keyHeading} valueHeading={valueHeading} empty={empty} height={height + 44}>
      <div style={{ display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", gridTemplateRows: `${height}px auto auto`, gap: 4 }}>
        <div style={{ writingMode: "vertical-rl", transform: "rotate(180deg)", textAlign: "center", fontSize: 12, color: "#616161" }}>
          {horizontal ? keyHeading : valueHeading}
        </div>
        <div ref={setBox} style={{ position: "relative" }}>
          <BarChart
            data={[{ name: valueHeading, data: points.map((p) => ({ key: p.key, value: p.value })) }]}
            direction={horizontal ? "horizontal" : "vertical"}
            showLegend={false}
            theme="Light"
            isAnimated={false}
            xAxisOptions={{
              labelFormatter: (value) => (horizontal ? t.number(Number(value)) : (labels.get(String(value)) ?? String(value))),
            }}
            yAxisOptions={{
              integersOnly: true,
              labelFormatter: (value) => (horizontal ? (labels.get(String(value)) ?? String(value)) : t.number(Number(value))),
            }}
          />
        </div>
        <div />
        {horizontal ? (
          <div />
        ) : (
          <div style={{ position: "relative", height: 16, fontSize: 11, color: "#616161" }}>
            {centers.map((left, index) =>
              index % every === (centers.length - 1) % every ? (
                <span key={points[index]!.key} style={{ position: "absolute", left, transform: "translateX(-50%)", whiteSpace: "nowrap" }}>
                  {points[index]!.label}
                </span>
              ) : null,
            )}
          </div>
        )}
        <div />
        <div style={{ textAlign: "center", fontSize: 12, color: "#616161" }}>{horizontal ? valueHeading : keyHeading}</div>
      </div>
    </ChartFrame>
  );
}

export function Donut({ title, points, keyHeading, valueHeading, empty }: Omit<BarsProps, "horizontal">) {
  const t = useT();
  return (
    <ChartFrame title={title} points={points} keyHeading={keyHeading} valueHeading={valueHeading} empty={empty} height={300}>
      <DonutChart
        data={points.filter((p) => p.value > 0).map((p) => ({ name: p.label, data: [{ key: p.label, value: p.value }] }))}
        theme="Light"
        isAnimated={false}
        showLegend
        showLegendValues
        legendPosition="bottom"
        labelFormatter={(value) => t.number(Number(value))}
      />
    </ChartFrame>
  );
}

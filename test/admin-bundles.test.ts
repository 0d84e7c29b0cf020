// What each admin page makes the browser download first, read from the Remix build
// (public/build, build/metafile.js.json; `npm test` builds first): the entry, the root,
// the admin layout and the page's route module with every chunk they import statically.
// Budget (issue 12): at most 200 kB compressed per page. zod and other server-side code
// stay out of every page's bundle; Polaris Viz is a lazy chunk of Analytics only.
// Counted here with gzip -9 (the bench, bench/admin-vitals.ts, counts the bytes on the
// wire, brotli, which are fewer).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const publicBuild = path.join(root, "public", "build");
const BUDGET = 200 * 1024;
const ADMIN_ROUTES = [
  "routes/app._index",
  "routes/app.privacy",
  "routes/app.assistant",
  "routes/app.knowledge",
  "routes/app.conversations._index",
  "routes/app.conversations.$id",
  "routes/app.leads",
  "routes/app.data-requests",
  "routes/app.analytics",
  "routes/app.audit",
  "routes/app.dashboard",
  "routes/app.incidents",
];

interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
}
interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown>; imports: { path: string; kind: string }[] }>;
}

function readBuild(): { manifest: Manifest; metafile: Metafile; builtAt: number } {
  const manifestFile = readdirSync(publicBuild)
    .filter((f) => /^manifest-.*\.js$/.test(f))
    .map((f) => path.join(publicBuild, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!manifestFile) throw new Error("no Remix build in public/build: run `npm run build` first");
  const manifest = JSON.parse(
    readFileSync(manifestFile, "utf8")
      .replace(/^window\.__remixManifest=/, "")
      .replace(/;\s*$/, ""),
  ) as Manifest;
  const metafile = JSON.parse(readFileSync(path.join(root, "build", "metafile.js.json"), "utf8")) as Metafile;
  return { manifest, metafile, builtAt: statSync(manifestFile).mtimeMs };
}

const fileOf = (url: string) => `public${url}`; // "/build/x.js" → metafile's "public/build/x.js"

/** The page's first JavaScript: what Remix preloads for it, closed over static imports. */
function initialFiles(manifest: Manifest, metafile: Metafile, routeId: string): string[] {
  const urls = [
    manifest.entry.module,
    ...manifest.entry.imports,
    ...["root", "routes/app", routeId].flatMap((id) => [manifest.routes[id]!.module, ...(manifest.routes[id]!.imports ?? [])]),
  ];
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const i of metafile.outputs[file]?.imports ?? []) if (i.kind === "import-statement") visit(i.path);
  };
  for (const url of urls) visit(fileOf(url));
  return [...files];
}

const packagesIn = (metafile: Metafile, files: string[]) =>
  new Set(
    files.flatMap((file) =>
      Object.keys(metafile.outputs[file]?.inputs ?? {})
        // A stylesheet import is only its URL in the JavaScript (Analytics links Polaris Viz's CSS).
        .filter((input) => !input.endsWith(".css"))
        .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input),
    ),
  );

describe("admin page bundles (the Remix build)", () => {
  const { manifest, metafile } = readBuild();

  it.each(ADMIN_ROUTES)("%s: at most 200 kB of compressed JavaScript first, no zod, no Polaris Viz", (routeId) => {
    expect(manifest.routes[routeId], routeId).toBeDefined();
    const files = initialFiles(manifest, metafile, routeId);
    const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length, 0);
    expect(bytes, `${routeId}: ${files.join(", ")}`).toBeLessThanOrEqual(BUDGET);
    const packages = packagesIn(metafile, files);
    expect(packages.has("zod"), `${routeId} ships zod`).toBe(false);
    expect(packages.has("@shopify/polaris-viz"), `${routeId} ships Polaris Viz up front`).toBe(false);
    // Nothing of a *.server module (Remix leaves an empty stand-in for those).
    const serverInputs = files
      .flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}))
      .filter((i) => /\.server\.tsx?$/.test(i));
    expect(serverInputs, routeId).toEqual([]);
  });

  it("loads Analytics' charts (Polaris Viz) as a lazy chunk of their own", () => {
    const analytics = metafile.outputs[fileOf(manifest.routes["routes/app.analytics"]!.module)]!;
    const lazy = analytics.imports.filter((i) => i.kind === "dynamic-import").map((i) => i.path);
    expect(
      lazy.some((file) => packagesIn(metafile, [file]).has("@shopify/polaris-viz")),
      lazy.join(", "),
    ).toBe(true);
  });
});

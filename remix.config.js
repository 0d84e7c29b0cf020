// Remix 2, classic compiler. The server build is ESM (package.json "type": "module").
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Polaris imports its JSON locale files, which Node's ESM loader refuses without
  // import attributes; bundling Polaris lets esbuild inline them.
  serverDependenciesToBundle: [/^@shopify\/polaris(\/.*)?$/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};

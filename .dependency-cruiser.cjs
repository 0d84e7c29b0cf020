// Dependency rules (docs/decisions/0011-lint-and-dependency-rules.md). Run by `npm run lint`:
//   depcruise --config .dependency-cruiser.cjs app extensions/shop-assistant/src server.ts
// Folder-level cycles are checked by scripts/check-folder-cycles.ts (this tool sees file cycles only).
// A feature is any folder of app/ that is not one of the fixed layers below, so a new
// feature folder is covered without editing this file.
const FEATURES = "(?!(?:routes|composition|infra|contracts|admin-ui)/)[^/]+";
// Tests may import anything (rule 5): test files and the test/ tree are never the "from" side.
const TESTS = ["\\.test\\.tsx?$", "^test/"];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // 1. Layers: app/routes → app/composition → features → app/infra, never back up.
    {
      name: "no-import-of-routes",
      comment: "Route modules are entry points (Remix loads them by file name); nothing else may import them.",
      severity: "error",
      from: { pathNot: ["^app/routes/", ...TESTS] },
      to: { path: "^app/routes/" },
    },
    {
      name: "features-not-to-composition",
      comment: "app/composition wires features and infra together for the routes; features must not reach up into it.",
      severity: "error",
      from: { path: `^app/${FEATURES}/`, pathNot: TESTS },
      to: { path: "^app/composition/" },
    },
    {
      name: "infra-not-to-features",
      comment: "app/infra is the bottom layer: it knows no feature, no composition and no admin UI.",
      severity: "error",
      from: { path: "^app/infra/", pathNot: TESTS },
      to: { path: [`^app/${FEATURES}/`, "^app/composition/", "^app/admin-ui/"] },
    },
    {
      name: "contracts-import-nothing",
      comment: "app/contracts is shared by the app and the widget: it may import nothing from app/ but itself.",
      severity: "error",
      from: { path: "^app/contracts/", pathNot: TESTS },
      to: { path: "^(app|extensions)/", pathNot: "^app/contracts/" },
    },
    {
      name: "admin-ui-only-infra-and-contracts",
      comment: "app/admin-ui is the UI kit used by every feature: it may import app/infra and app/contracts only.",
      severity: "error",
      from: { path: "^app/admin-ui/", pathNot: TESTS },
      to: { path: "^(app|extensions)/", pathNot: "^app/(admin-ui|infra|contracts)/" },
    },
    // 2. No cycles (file level here; folder level in scripts/check-folder-cycles.ts).
    {
      name: "no-circular",
      comment: "A cycle makes load order matter and the modules impossible to understand or test one at a time.",
      severity: "error",
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    // 3. The widget is a standalone storefront script.
    {
      name: "widget-self-contained",
      comment: "The widget is bundled alone into the theme extension: it may import only itself and app/contracts.",
      severity: "error",
      from: { path: "^extensions/shop-assistant/src/", pathNot: TESTS },
      to: { pathNot: "^(extensions/shop-assistant/src|app/contracts)/" },
    },
    {
      name: "widget-contracts-type-only",
      comment: "The widget may use app/contracts for types only (`import type`), so no app code ends up in the bundle.",
      severity: "error",
      from: { path: "^extensions/shop-assistant/src/", pathNot: TESTS },
      to: { path: "^app/contracts/", dependencyTypesNot: ["type-only"] },
    },
    // 4. Server code never reaches a client bundle.
    {
      name: "client-not-to-server",
      comment:
        "Client-side code (admin UI kit, contracts, the widget) must not import a *.server.* module, not even for a type: a type the client needs belongs in app/contracts.",
      severity: "error",
      from: { path: "^(app/admin-ui|app/contracts|extensions)/", pathNot: ["\\.server\\.[^/]+$", ...TESTS] },
      to: { path: "\\.server\\.[^/]+$" },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import the tool cannot resolve is one no rule can check.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // node_modules is not excluded (rules must see npm imports), only not followed.
    exclude: { path: "^(build|public/build|test-output|\\.demo)/|^extensions/[^/]+/assets/" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".js", ".jsx", ".cjs", ".mjs", ".json"],
    },
    cache: false,
  },
};

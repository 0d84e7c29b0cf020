// ESLint (flat config): the recommended rule sets of ESLint, typescript-eslint, React,
// React Hooks and jsx-a11y. See docs/decisions/0011-lint-and-dependency-rules.md.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", "extensions/*/assets/", "node_modules/", "test-output/", ".demo/", "scratch/", ".cache/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { ...react.configs.flat.recommended, settings: { react: { version: "detect" } } },
  react.configs.flat["jsx-runtime"],
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // The code marks deliberately unused parameters and omitted properties with a leading underscore.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      // A `let` assigned after closures that read it (late binding, e.g. the widget's actions) cannot be a const.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests, fakes and the demo poke at loosely shaped JSON on purpose.
    files: ["test/**", "demo/**", "bench/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);

// Office add-in lint conventions (eslint-plugin-office-addins), plus the project's own few rules.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import globals from "globals";

export default [
  { ignores: ["dist/**", "lib/**", "out/**", "coverage/**", "node_modules/**"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin },
    languageOptions: { parser: tsParser },
    rules: {
      // TypeScript itself checks names and unused locals (strict, noUnused*); these JS rules misread types.
      "no-undef": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // The Office.js load/sync rules misread ExcelJS objects (cell.address) outside the Office.js adapter.
    files: ["src/file/**", "src/cli/**", "test/cli/**", "test/file/**", "test/e2e/**", "bench/**"],
    rules: { "office-addins/call-sync-before-read": "off", "office-addins/load-object-before-read": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { ecmaVersion: "latest", sourceType: "commonjs", globals: { ...globals.node } },
  },
  { files: ["**/*.mjs"], languageOptions: { sourceType: "module" } },
];

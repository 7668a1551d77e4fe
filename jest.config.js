/** Unit, adapter (office-addin-mock) and component tests. Browser end-to-end tests: jest.e2e.config.js. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.(ts|tsx)$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    // office-addin-mock pulls nested ESM-only copies of uuid and strip-bom.
    "^.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: [
    // Ignore node_modules except those nested copies (a plain negative lookahead after "/node_modules/" still
    // matches at the inner "/node_modules/" of the nested path, so the whole path is tested from the start).
    "^(?!.*/node_modules/(@microsoft/app-manifest|office-addin-manifest)/node_modules/(uuid|strip-bom)/).*/node_modules/",
  ],
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/test/support/fileStub.js" },
};

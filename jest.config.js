/** Unit and integration tests. Browser end-to-end tests run separately (npm run test:e2e). */
module.exports = {
  testEnvironment: "node",
  // Several suites build workbooks or start the CLI; 5 s is too short on a busy 2-core machine.
  testTimeout: 30_000,
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true } },
    ],
  },
  moduleNameMapper: {
    // office-addin-mock imports only an enum from office-addin-manifest, whose ESM-only
    // dependencies cannot be required by Jest on Node 20.
    "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js",
  },
};

// Unit tests only: no extension build plugins here, so tests start fast and run the code as written.
import { defineConfig } from "vitest/config";
import preact from "@preact/preset-vite";

export default defineConfig({
  plugins: [preact()],
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["src/**/*.test.{ts,tsx}", "assets/**/*.test.ts", "test/unit/**/*.test.ts"],
    environment: "node",
    // Bounded like the browser tests: a unit test or hook that hangs fails here, not at CI's limit.
    testTimeout: 15_000,
    hookTimeout: 15_000,
    teardownTimeout: 10_000,
    setupFiles: ["test/support/idle-callback.ts", "test/support/field-meaning.ts"],
  },
});

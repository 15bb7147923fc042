// Installs what is missing before `npm start` and `npm test`. Plain JavaScript with no
// dependencies, because it runs before node_modules exist.
//   - npm dependencies: `npm ci` when node_modules is missing or older than package-lock.json
//   - browsers: on Debian/Ubuntu as root, apt-get installs chromium (start, test) and firefox-esr
//     (test) when missing; elsewhere it finds an installed Chrome/Chromium/Firefox (CHROME_PATH /
//     FIREFOX_PATH override) and says clearly what is missing and how to get it.
// Which browsers: `npm start` needs Chromium; `npm test` needs both (from npm_lifecycle_event).
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findChromium, findFirefox } from "./browser-paths.mjs";

const root = join(import.meta.dirname, "../..");
const lifecycle = process.env.npm_lifecycle_event ?? "test";
const say = (message) => console.log(`[setup] ${message}`);

function run(command, args, env = {}) {
  say(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function ensureNpmDependencies() {
  const lock = join(root, "package-lock.json");
  const installed = join(root, "node_modules/.package-lock.json");
  const stamp = join(root, "node_modules/.sharecheck-lock-hash");
  const hash = createHash("sha256").update(readFileSync(lock)).digest("hex");
  // Up to date when our stamp matches the lock file, or (first run on an existing install) npm's
  // own record of the install is newer than the lock file.
  const fresh = existsSync(stamp)
    ? readFileSync(stamp, "utf8").trim() === hash
    : existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
  if (!fresh) {
    say("npm dependencies are missing or stale: installing exactly what package-lock.json says");
    if (!run("npm", ["ci", "--no-audit", "--no-fund"])) {
      console.error("[setup] npm ci failed: check your network connection to the npm registry and try again.");
      process.exit(1);
    }
  }
  writeFileSync(stamp, `${hash}\n`);
}

function isDebianLike() {
  if (process.platform !== "linux" || !existsSync("/etc/os-release")) return false;
  const release = readFileSync("/etc/os-release", "utf8");
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
}

function ensureBrowsers() {
  const wanted = [
    {
      name: "Chromium",
      find: findChromium,
      env: "CHROME_PATH",
      apt: "chromium",
      get: "https://www.chromium.org/getting-involved/download-chromium/ or Google Chrome",
    },
  ];
  if (lifecycle !== "start") {
    wanted.push({
      name: "Firefox",
      find: findFirefox,
      env: "FIREFOX_PATH",
      apt: "firefox-esr",
      get: "https://www.mozilla.org/firefox/enterprise/ (ESR) or Firefox",
    });
  }
  let missing = wanted.filter((b) => !existsSync(b.find()));
  if (missing.length === 0) return;

  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  // An explicit CHROME_PATH/FIREFOX_PATH that is wrong is the user's to fix, not apt's.
  const packages = missing.filter((b) => !process.env[b.env]).map((b) => b.apt);
  if (isDebianLike() && asRoot && packages.length) {
    say(`installing ${packages.join(" ")} with apt-get`);
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    if (!run("apt-get", ["update"], env) || !run("apt-get", ["install", "-y", "--no-install-recommends", ...packages], env)) {
      console.error("[setup] apt-get could not install the browsers (see above).");
    }
    missing = missing.filter((b) => !existsSync(b.find()));
  }
  for (const b of missing) {
    const how = isDebianLike() ? `sudo apt-get install ${b.apt}` : `install ${b.get}`;
    console.error(
      `[setup] MISSING: ${b.name} (looked at ${b.find()}). Get it with: ${how}; or point ${b.env} at an installed ${b.name} binary.`,
    );
  }
  if (missing.length && lifecycle === "start") process.exit(1);
  if (missing.length) console.error("[setup] browser tests for the missing browser(s) will be SKIPPED, each with this reason.");
}

ensureNpmDependencies();
ensureBrowsers();
say("ready");

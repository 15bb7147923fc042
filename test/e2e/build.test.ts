// The four built extensions keep the manifest's promises: least privilege, strict CSP, one
// self-contained content script, the demo builds watching only the local portal, no network API.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { MANAGED_FIELDS } from "../../src/settings/schema.ts";
import {
  CONTENT_FRAME_PAGE,
  CONTENT_PANEL_FILE,
  CONTENT_READER_FILE,
  CONTENT_SCAN_FILE,
  CONTENT_SCRIPT_FILE,
  CONTENT_WARM_FILE,
  DEMO_HOSTS,
  GECKO_ID,
  MANAGED_SCHEMA_FILE,
  TARGETS,
} from "../../src/tools/manifest.ts";
import { ROOT, test } from "./harness/index.ts";

// biome-ignore lint/suspicious/noExplicitAny: built manifests are read field by field, each assertion checks what it reads
type Json = Record<string, any>;
const dir = (target: string): string => join(ROOT, "dist", target);
const manifest = (target: string): Json => JSON.parse(readFileSync(join(dir(target), "manifest.json"), "utf8"));

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

test("npm run build wrote all four unpacked extensions", () => {
  for (const target of TARGETS)
    assert.ok(existsSync(join(dir(target), "manifest.json")), `dist/${target}/manifest.json missing: run npm run build`);
});

for (const target of TARGETS) {
  const demo = target.startsWith("demo-");
  const firefox = target.endsWith("firefox");

  test(`dist/${target}: MV3, least privilege, strict CSP`, () => {
    const m = manifest(target);
    assert.equal(m.manifest_version, 3);
    assert.deepEqual([...m.permissions].sort(), ["activeTab", "scripting", "storage"]);
    assert.deepEqual([...m.optional_host_permissions].sort(), ["http://*/*", "https://*/*"]);
    assert.equal(m.content_security_policy.extension_pages, "script-src 'self'; object-src 'self'");
    assert.doesNotMatch(JSON.stringify(m), /<all_urls>/);
    if (demo) assert.deepEqual(m.host_permissions, DEMO_HOSTS);
    else {
      assert.equal(m.host_permissions, undefined, "shipped builds get EHR sites only at run time");
      assert.doesNotMatch(JSON.stringify(m), /localhost|127\.0\.0\.1/);
    }
  });

  test(`dist/${target}: background, pages and assets the manifest names exist`, () => {
    const m = manifest(target);
    if (firefox) {
      assert.equal(m.background.service_worker, undefined);
      assert.equal(m.background.scripts.length, 1);
      assert.equal(m.browser_specific_settings.gecko.id, GECKO_ID);
      assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
      assert.equal(m.web_accessible_resources[0].use_dynamic_url, undefined, "Firefox has no use_dynamic_url");
    } else {
      assert.equal(typeof m.background.service_worker, "string");
      assert.equal(m.minimum_chrome_version, "120");
    }
    const named = [
      ...(m.background.scripts ?? [m.background.service_worker]),
      m.action.default_popup,
      m.options_ui.page,
      m.storage.managed_schema,
      ...Object.values(m.icons as Record<string, string>),
      CONTENT_SCRIPT_FILE,
      CONTENT_PANEL_FILE,
      CONTENT_SCAN_FILE,
      CONTENT_WARM_FILE,
      CONTENT_READER_FILE,
    ];
    for (const file of named) assert.ok(existsSync(join(dir(target), file)), `${file} missing from dist/${target}`);
    assert.ok(
      m.web_accessible_resources.some((r: Json) => r.resources.includes(CONTENT_FRAME_PAGE)),
      "the content frame must be web accessible",
    );
    assert.ok(existsSync(join(dir(target), CONTENT_FRAME_PAGE)));
    assert.equal(m.options_ui.open_in_tab, true);
  });

  test(`dist/${target}: every __MSG_ key resolves in _locales/en`, () => {
    const messages = JSON.parse(readFileSync(join(dir(target), "_locales/en/messages.json"), "utf8"));
    const keys = [...JSON.stringify(manifest(target)).matchAll(/__MSG_(\w+)__/g)].map((k) => k[1]!);
    assert.ok(keys.length > 0);
    for (const key of keys) assert.ok(messages[key]?.message, `messages.json lacks ${key}`);
  });
}

test("the managed-storage schema covers every managed field as { value, enforced }", () => {
  const schema = JSON.parse(readFileSync(join(dir("chrome"), MANAGED_SCHEMA_FILE), "utf8"));
  assert.equal(schema.type, "object");
  assert.deepEqual(Object.keys(schema.properties).sort(), [...MANAGED_FIELDS].sort());
  for (const field of MANAGED_FIELDS) {
    const entry = schema.properties[field];
    assert.equal(entry.type, "object", field);
    assert.ok(entry.properties.value, `${field}.value`);
    assert.equal(entry.properties.enforced.type, "boolean", `${field}.enforced`);
  }
});

test("content.js and its panel, scan, idle pre-warm and reader parts are each one self-contained classic script, identical in every build", () => {
  for (const file of [CONTENT_SCRIPT_FILE, CONTENT_PANEL_FILE, CONTENT_SCAN_FILE, CONTENT_WARM_FILE, CONTENT_READER_FILE]) {
    const code = readFileSync(join(dir("chrome"), file), "utf8");
    // registerContentScripts and executeScript run them as classic scripts: a module statement or a chunk import would break them.
    assert.doesNotMatch(code, /^\s*(import|export)\s/m, file);
    assert.doesNotMatch(code, /\bimport\s*\(/, file);
    for (const target of TARGETS) assert.equal(readFileSync(join(dir(target), file), "utf8"), code, `${file} in ${target}`);
  }
});

test("content.js leaves the label lists that only a recipient read needs to its reader part", () => {
  // A module-level RegExp cannot be tree-shaken: importing one name from the reader's modules would bring all of them.
  const marker = "nombre del destinatario"; // one of recipient-labels.ts's recipient labels
  assert.doesNotMatch(readFileSync(join(dir("chrome"), CONTENT_SCRIPT_FILE), "utf8"), new RegExp(marker));
  assert.match(readFileSync(join(dir("chrome"), CONTENT_READER_FILE), "utf8"), new RegExp(marker));
});

test("no bundled script uses a network API", () => {
  const network = /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts\s*\(/;
  for (const target of TARGETS) {
    for (const file of files(dir(target)).filter((f) => /\.(js|html)$/.test(f))) {
      const hit = network.exec(readFileSync(file, "utf8"));
      assert.equal(hit, null, `${file} uses ${hit?.[0]}`);
    }
  }
});

import { describe, expect, it } from "vitest";
import { MemoryArea } from "../../test/support/memory-area.ts";
import type { AuditEntry } from "../settings/schema.ts";
import { AUDIT_KEY, MAX_AUDIT_ENTRIES, createAuditLog, pruneAudit } from "./audit-log.ts";

const entry = (time: string, outcome: AuditEntry["outcome"] = "allowed"): AuditEntry => ({
  time,
  origin: "https://ehr.example.org",
  action: "referral",
  outcome,
  rules: ["treatment.any-recipient"],
});

describe("pruneAudit", () => {
  const now = new Date("2025-03-31T00:00:00Z");

  it("drops entries older than the retention period", () => {
    const entries = [entry("2025-02-27T23:59:59Z"), entry("2025-03-01T00:00:00Z"), entry("2025-03-30T00:00:00Z")];
    expect(pruneAudit(entries, 30, now).map((e) => e.time)).toEqual(["2025-03-01T00:00:00Z", "2025-03-30T00:00:00Z"]);
  });

  it("keeps only the newest entries beyond the cap", () => {
    const entries = Array.from({ length: 10 }, (_, i) => entry(`2025-03-30T00:00:0${i}Z`));
    expect(pruneAudit(entries, 30, now, 3).map((e) => e.time)).toEqual([
      "2025-03-30T00:00:07Z",
      "2025-03-30T00:00:08Z",
      "2025-03-30T00:00:09Z",
    ]);
  });

  it("survives damaged storage", () => {
    expect(pruneAudit("garbage", 30, now)).toEqual([]);
    expect(pruneAudit([null, { time: 3 }, entry("2025-03-30T00:00:00Z"), entry("not a date")], 30, now)).toHaveLength(1);
  });
});

describe("createAuditLog", () => {
  it("appends, lists and clears", async () => {
    let clock = new Date("2025-03-01T10:00:00Z");
    const area = new MemoryArea();
    const log = createAuditLog(area, () => clock);
    await log.append(entry("2025-03-01T10:00:00Z"), 90, "tab:1:referral");
    clock = new Date("2025-03-01T10:05:00Z");
    await log.append(entry("2025-03-01T10:05:00Z", "needs-review"), 90, "tab:1:referral");
    expect((await log.list(90)).map((e) => e.outcome)).toEqual(["allowed", "needs-review"]);
    await log.clear();
    expect(await log.list(90)).toEqual([]);
    expect(area.data.has(AUDIT_KEY)).toBe(false);
  });

  it("logs one entry per interaction while the clinician refines the answers, the latest verdict winning", async () => {
    let clock = new Date("2025-03-01T10:00:00Z");
    const log = createAuditLog(new MemoryArea(), () => clock);
    await log.append(entry("2025-03-01T10:00:00Z", "needs-review"), 90, "popup");
    clock = new Date("2025-03-01T10:00:20Z");
    await log.append(entry("2025-03-01T10:00:20Z", "allowed"), 90, "popup");
    await log.append(entry("2025-03-01T10:00:21Z", "not-allowed"), 90, "tab:2:fax");
    expect((await log.list(90)).map((e) => e.outcome)).toEqual(["allowed", "not-allowed"]);
  });

  it("drops expired entries when it writes, and never grows beyond the cap", async () => {
    const old = Array.from({ length: MAX_AUDIT_ENTRIES }, () => entry("2025-03-01T00:00:00Z"));
    const area = new MemoryArea({ [AUDIT_KEY]: [entry("2024-01-01T00:00:00Z"), ...old] });
    const log = createAuditLog(area, () => new Date("2025-03-02T00:00:00Z"));
    await log.append(entry("2025-03-02T00:00:00Z", "not-allowed"), 90);
    const stored = area.data.get(AUDIT_KEY) as AuditEntry[];
    expect(stored).toHaveLength(MAX_AUDIT_ENTRIES);
    expect(stored.at(-1)?.outcome).toBe("not-allowed");
    expect(stored.some((e) => e.time.startsWith("2024"))).toBe(false);
  });

  it("keeps writing in order after a failed write", async () => {
    const area = new MemoryArea();
    let fail = true;
    const original = area.set.bind(area);
    area.set = async (items) => {
      if (fail) {
        fail = false;
        throw new Error("quota");
      }
      return original(items);
    };
    const log = createAuditLog(area, () => new Date("2025-03-01T10:00:00Z"));
    await expect(log.append(entry("2025-03-01T10:00:00Z"), 90)).rejects.toThrow("quota");
    await log.append(entry("2025-03-01T10:00:00Z", "not-allowed"), 90);
    expect((await log.list(90)).map((e) => e.outcome)).toEqual(["not-allowed"]);
  });
});

import { describe, expect, it } from "vitest";
import { MIGRATIONS, MigrationError, migrate, type Migration } from "./migrations.ts";
import { repairSettings } from "./repair.ts";
import { SETTINGS_VERSION } from "./schema.ts";

// A synthetic history: no released version needed a migration yet, so these exercise the mechanism.
const synthetic: Record<number, Migration> = {
  1: (v) => ({ ...v, renamed: v.old, old: undefined }),
  2: (v) => ({ ...v, added: true }),
};

describe("migrate", () => {
  it("runs each step in order and stamps each step's version", () => {
    const out = migrate({ version: 1, old: "x" }, 1, { to: 3, migrations: synthetic });
    expect(out).toEqual({ version: 3, renamed: "x", old: undefined, added: true });
  });

  it("does nothing for a current value", () => {
    const value = { version: 3, a: 1 };
    expect(migrate(value, 3, { to: 3, migrations: synthetic })).toBe(value);
  });

  it("refuses a version it has no step for", () => {
    expect(() => migrate({ version: 0 }, 0, { to: 3, migrations: synthetic })).toThrow(MigrationError);
  });

  it("has a step for every version below the current one (none yet: settings started at 1)", () => {
    for (let v = 1; v < SETTINGS_VERSION; v++) expect(MIGRATIONS[v], `migration from ${v}`).toBeTypeOf("function");
  });
});

describe("repairSettings with migrations", () => {
  // A legacy v0 shape { org, acos } that a v0 -> v1 step would turn into today's settings.
  const fromV0: Record<number, Migration> = {
    0: (v) => ({ profile: { organization: v.org, acos: v.acos } }),
  };
  const legacy = {
    version: 0,
    org: { name: "Riverside Family Medicine", role: "provider" },
    acos: [{ id: "A1234", name: "Valley ACO", participants: [{ name: "Lakeside Cardiology", tin: "123456789" }] }],
  };

  it("upgrades an old value, keeps its data and asks for a rewrite, without a notice", () => {
    const result = repairSettings(legacy, { migrations: fromV0 });
    expect(result.problems).toEqual([]);
    expect(result.changed).toBe(true);
    expect(result.settings.version).toBe(SETTINGS_VERSION);
    expect(result.settings.profile.organization.name).toBe("Riverside Family Medicine");
    expect(result.settings.profile.acos[0]?.participants[0]?.tin).toBe("123456789");
    expect(result.settings.mode).toBe("confirm-risky");
  });

  it("falls back to defaults with a notice when a migration throws", () => {
    const result = repairSettings(legacy, {
      migrations: {
        0: () => {
          throw new Error("boom");
        },
      },
    });
    expect(result.problems).toEqual([{ kind: "migration-failed", from: 0 }]);
    expect(result.settings.profile.acos).toEqual([]);
  });

  it("falls back to defaults with a notice for an old version with no migration", () => {
    expect(repairSettings(legacy).problems).toEqual([{ kind: "migration-failed", from: 0 }]);
  });
});

import { describe, expect, it } from "vitest";
import { MemoryArea } from "../../test/support/memory-area.ts";
import { createTabActions } from "./tab-actions.ts";
import type { LastAction } from "../messaging/messages.ts";

const action: LastAction["action"] = { kind: "direct", label: "Send via Direct", origin: "https://ehr.example.org" };
const OLD = "https://ehr.example.org/direct";
const NEW = "https://ehr.example.org/telehealth";

function setup() {
  const badges = new Map<number, string>();
  const tabActions = createTabActions({
    session: new MemoryArea(),
    badge: {
      setBadgeText: async ({ tabId, text }: { tabId?: number; text: string | null }) => void badges.set(tabId!, text ?? ""),
      setBadgeBackgroundColor: async () => undefined,
    } as never,
  });
  const from = (url: string) => ({ id: "ext", tab: { id: 4, url }, frameId: 0, url }) as never;
  return { tabActions, badges, from };
}

describe("tab actions: the badge belongs to the page that reported it", () => {
  it("shows what the current page reported", async () => {
    const { tabActions, badges, from } = setup();
    await tabActions.record(tabActions.source(from(OLD))!, { action, outcome: "needs-review" });
    expect(badges.get(4)).toBe("?");
    expect((await tabActions.get(4))?.outcome).toBe("needs-review");
  });

  it("drops a verdict the old page asked for that finishes after the tab moved on (the badge stays clear)", async () => {
    const { tabActions, badges, from } = setup();
    const source = tabActions.source(from(OLD))!; // the message arrives...
    await tabActions.clear(4, NEW); // ...the tab navigates while the rules run...
    await tabActions.record(source, { action, outcome: "needs-review" }); // ...and the answer comes back
    expect(badges.get(4)).toBe("");
    expect(await tabActions.get(4)).toBeNull();
  });

  it("drops a report the old page sends while the next page is loading", async () => {
    const { tabActions, badges, from } = setup();
    await tabActions.clear(4, NEW);
    await tabActions.record(tabActions.source(from(OLD))!, { action });
    expect(badges.get(4)).toBe("");
    await tabActions.record(tabActions.source(from(NEW))!, { action, outcome: "allowed" });
    expect(badges.get(4)).toBe("✓");
  });

  it("records when it cannot tell (no address given, or no navigation seen since the worker started)", async () => {
    const { tabActions, badges } = setup();
    const hidden = { id: "ext", tab: { id: 4 }, frameId: 0 } as never;
    await tabActions.record(tabActions.source(hidden)!, { action });
    expect(badges.get(4)).toBe("•");
    expect(tabActions.source({ id: "ext" } as never)).toBeUndefined();
  });
});

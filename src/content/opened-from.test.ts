// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { listenEarly } from "./early-events.ts";
import { trackOpenedFrom } from "./opened-from.ts";

const controller = { current: new AbortController() };
afterEach(() => {
  controller.current.abort();
  controller.current = new AbortController();
  document.body.innerHTML = "";
});

function track() {
  const { signal } = controller.current;
  const events = listenEarly(window, signal, () => undefined);
  return trackOpenedFrom(events, signal);
}
const press = (id: string) => document.getElementById(id)!.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
const key = (id: string, k: string) => document.getElementById(id)!.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));

describe("trackOpenedFrom", () => {
  it("keeps the last control pressed or activated by key outside any dialog, not one inside", () => {
    document.body.innerHTML = `<button id="share">Share</button><button id="note">Note</button><input id="search">
      <div role="dialog"><button id="send">Send</button></div><dialog open><button id="ok">OK</button></dialog>`;
    const openedFrom = track();
    expect(openedFrom()).toBeUndefined();
    press("share");
    press("send");
    press("ok");
    expect(openedFrom()?.id).toBe("share");
    key("note", "Enter");
    key("search", "a");
    expect(openedFrom()?.id).toBe("note");
  });

  it("forgets a control the page removed", () => {
    document.body.innerHTML = `<button id="share">Share</button>`;
    const openedFrom = track();
    press("share");
    document.getElementById("share")!.remove();
    expect(openedFrom()).toBeUndefined();
  });
});

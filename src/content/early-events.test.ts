// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { listenEarly } from "./early-events.ts";

const controller = { current: new AbortController() };
afterEach(() => {
  controller.current.abort();
  controller.current = new AbortController();
  document.body.innerHTML = "";
});

function button(): HTMLButtonElement {
  document.body.innerHTML = `<button>Send</button>`;
  return document.querySelector("button")!;
}

describe("listenEarly", () => {
  it("starts nothing at load; the first press starts it once, and what it adds sees that press", () => {
    const { signal } = controller.current;
    const seen: string[] = [];
    const start = vi.fn(() => events.addEventListener("pointerdown", (e) => void seen.push(e.type), { signal }));
    const events = listenEarly(window, signal, start);
    window.postMessage("page traffic", "*");
    window.dispatchEvent(new MessageEvent("message", { data: "page traffic" }));
    expect(start).not.toHaveBeenCalled();
    const control = button();
    control.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    control.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    expect(start).toHaveBeenCalledOnce();
    expect(seen).toEqual(["pointerdown", "pointerdown"]);
  });

  it("comes before the page's own capture listeners, in the order the handlers were added; one that stops the event stops it for the page", () => {
    const { signal } = controller.current;
    const order: string[] = [];
    const events = listenEarly(window, signal, () => undefined);
    window.addEventListener("click", () => order.push("page"), { capture: true, signal });
    events.addEventListener(
      "click",
      (event) => {
        order.push("first");
        if ((event.target as Element).textContent === "Send") {
          event.preventDefault();
          event.stopImmediatePropagation();
        }
      },
      { signal },
    );
    events.addEventListener("click", () => order.push("second"), { signal });
    button().click();
    // (In a browser "second" is skipped too: stopImmediatePropagation sets cancelBubble. happy-dom does not set it.)
    expect(order).not.toContain("page");
    order.length = 0;
    document.body.innerHTML = `<a>Inbox</a>`;
    document.querySelector("a")!.click();
    expect(order).toEqual(["first", "second", "page"]);
  });

  it("keeps calling the next handler when one throws, and reports the error", async () => {
    const { signal } = controller.current;
    const reported = vi.fn();
    process.once("uncaughtException", reported); // happy-dom: an error thrown in a microtask is the process's
    const events = listenEarly(window, signal, () => undefined);
    const after = vi.fn();
    events.addEventListener(
      "keydown",
      () => {
        throw new Error("a handler failed");
      },
      { signal },
    );
    events.addEventListener("keydown", after, { signal });
    button().dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(after).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reported).toHaveBeenCalledWith(new Error("a handler failed"), expect.anything());
  });

  it("removes a handler when its signal aborts, and every listener when the script's lifetime ends", () => {
    const script = controller.current;
    const part = new AbortController();
    const start = vi.fn();
    const events = listenEarly(window, script.signal, start);
    const handler = vi.fn();
    const kept = vi.fn();
    events.addEventListener("submit", handler, { signal: part.signal });
    events.addEventListener("submit", kept, { signal: script.signal });
    part.abort();
    document.body.innerHTML = `<form></form>`;
    const form = document.querySelector("form")!;
    form.dispatchEvent(new Event("submit", { bubbles: true }));
    expect(handler).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledOnce();
    script.abort();
    form.dispatchEvent(new Event("submit", { bubbles: true }));
    expect(kept).toHaveBeenCalledOnce();
    expect(start).toHaveBeenCalledOnce();
    events.addEventListener("submit", handler, { signal: script.signal });
    form.dispatchEvent(new Event("submit", { bubbles: true }));
    expect(handler).not.toHaveBeenCalled();
  });
});

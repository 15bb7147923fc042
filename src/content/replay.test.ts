// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { canReplay, captureActivation, replay } from "./replay.ts";

function page() {
  document.body.innerHTML = `<form id="f"><input name="to" value="Dr. Ruiz" /><button id="send" name="intent" value="send"><span id="label">Send</span></button></form>`;
  const form = document.getElementById("f") as HTMLFormElement;
  const button = document.getElementById("send")!;
  const seen = { clicks: 0, submits: [] as (string | null)[] };
  button.addEventListener("click", () => seen.clicks++);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    seen.submits.push((e as SubmitEvent).submitter?.id ?? null);
  });
  return { form, button, seen };
}

describe("replay", () => {
  // The default action a dispatched click triggers (a submit button submitting, a link navigating) is
  // browser behaviour happy-dom lacks; test/e2e/content-panel.test.ts proves it in Chromium and Firefox.
  it("replays a click on the original inner target once, reaching the page's handlers", () => {
    const { button, seen } = page();
    let held: ReturnType<typeof captureActivation>;
    const grab = (e: Event) => {
      held = captureActivation(e, button);
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener("click", grab, { capture: true, once: true });
    document.getElementById("label")!.click();
    expect(seen).toEqual({ clicks: 0, submits: [] });
    expect(held!).toMatchObject({ type: "click", control: button });
    expect(replay(held!)).toBe(true);
    expect(seen.clicks).toBe(1);
  });

  it("replays a submit with the same submitter", () => {
    const { form, button, seen } = page();
    let held: ReturnType<typeof captureActivation>;
    window.addEventListener(
      "submit",
      (e) => {
        held = captureActivation(e, button);
        e.preventDefault();
        e.stopImmediatePropagation();
      },
      { capture: true, once: true },
    );
    form.requestSubmit(button);
    expect(seen.submits).toEqual([]);
    expect(replay(held!)).toBe(true);
    expect(seen.submits).toEqual(["send"]);
  });

  it("does nothing when the control left the page", () => {
    const { button, seen } = page();
    const held = captureActivation(new MouseEvent("click"), button)!;
    button.remove();
    expect(canReplay(held)).toBe(false);
    expect(replay(held)).toBe(false);
    expect(seen.clicks).toBe(0);
  });

  it("replays on the identical fresh node a re-render put in the control's place, and on nothing when that is ambiguous", () => {
    document.body.innerHTML = `<div id="app"><button class="send">Fax chart</button></div>`;
    const app = document.getElementById("app")!;
    const held = captureActivation(new MouseEvent("click"), app.querySelector("button")!)!;
    let clicks = 0;
    app.innerHTML = `<button class="send">Fax chart</button>`;
    app.querySelector("button")!.addEventListener("click", () => clicks++);
    expect(canReplay(held)).toBe(true);
    expect(replay(held)).toBe(true);
    expect(clicks).toBe(1);
    app.innerHTML = `<button class="send">Fax chart</button><button class="send">Fax chart</button>`;
    expect(canReplay(held)).toBe(false);
    app.innerHTML = `<button class="send">Print chart</button>`;
    expect(canReplay(held)).toBe(false);
  });

  it("replays on the fresh node a layout gave a newly numbered id (Ext JS re-laying out a toolbar)", () => {
    document.body.innerHTML = `<div id="tb"><a role="button" id="button-1041">Send</a><a role="button" id="button-1042">Save Draft</a></div>`;
    const tb = document.getElementById("tb")!;
    const held = captureActivation(new MouseEvent("click"), document.getElementById("button-1041")!)!;
    let clicks = 0;
    tb.innerHTML = `<a role="button" id="button-1047">Send</a><a role="button" id="button-1048">Save Draft</a>`;
    document.getElementById("button-1047")!.addEventListener("click", () => clicks++);
    expect(replay(held)).toBe(true);
    expect(clicks).toBe(1);
    tb.innerHTML = `<a role="button" id="attach-1">Send</a>`;
    expect(canReplay(held)).toBe(false);
  });
});

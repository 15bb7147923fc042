// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { PAGE_CLICK_ATTRIBUTE } from "../messaging/protocol.ts";
import { canReplay, captureActivation, type ClickInPage, type ClickInit, replay } from "./replay.ts";
import { remember } from "./stand-in.ts";

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

  it("tells a re-rendered list's identical Sends apart by the row each sits in (CRISP's care team, re-rendered on every poll)", () => {
    const rows = (first: string, second: string) =>
      `<li><div>${first}</div><button type="button">Send</button></li><li><div>${second}</div><button type="button">Send</button></li>`;
    document.body.innerHTML = `<ul id="team">${rows("Nadia Petrova, MD", "Marcus Ellis, NP")}</ul>`;
    const team = document.getElementById("team")!;
    const held = captureActivation(new MouseEvent("click"), team.querySelectorAll("button")[1]!)!;
    const clicked: string[] = [];
    team.innerHTML = rows("Nadia Petrova, MD", "Marcus Ellis, NP");
    for (const button of team.querySelectorAll("button"))
      button.addEventListener("click", () => clicked.push(button.previousElementSibling!.textContent!));
    expect(replay(held)).toBe(true);
    expect(clicked).toEqual(["Marcus Ellis, NP"]);
    // The row it was in is gone (another member in its place): nothing to replay on.
    team.innerHTML = rows("Nadia Petrova, MD", "Omar Siddiqui, MD");
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

  describe("a click on a link that runs script (javascript:)", () => {
    const init: ClickInit = {
      bubbles: true,
      cancelable: true,
      composed: true,
      clientX: 1,
      clientY: 2,
      screenX: 3,
      screenY: 4,
      button: 0,
      buttons: 0,
      detail: 1,
      ctrlKey: false,
      shiftKey: false,
      altKey: false,
      metaKey: false,
    };
    const link = () => {
      document.body.innerHTML = `<a id="post" href="javascript:__doPostBack('ctl00$Send','')"><span id="inner">Send Fax</span></a><a id="plain" href="#sent">Sent</a>`;
      const clicks: string[] = [];
      document.addEventListener("click", (e) => {
        e.preventDefault(); // happy-dom would follow the link
        clicks.push(`${(e.target as Element).id}:${(e.target as Element).getAttribute(PAGE_CLICK_ATTRIBUTE) ? "marked" : "unmarked"}`);
      });
      return clicks;
    };
    const held = (id: string) => {
      const target = document.getElementById(id)!;
      return { type: "click" as const, target, control: target.closest("a")!, init, memo: remember(target) };
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    it("is clicked in the page's world, marked by a token: nothing is dispatched here once the page's world clicked", async () => {
      const clicks = link();
      const asked: string[] = [];
      const ask: ClickInPage = async (token, given) => {
        const target = document.querySelector(`[${PAGE_CLICK_ATTRIBUTE}="${token}"]`)!;
        asked.push(`${target.id}:${given.clientX}`);
        // What the background's function does in the page: click while marked, then unmark.
        target.dispatchEvent(new MouseEvent("click", given));
        target.removeAttribute(PAGE_CLICK_ATTRIBUTE);
        return true;
      };
      expect(replay(held("inner"), ask)).toBe(true);
      await settle();
      expect(asked).toEqual(["inner:1"]);
      expect(clicks).toEqual(["inner:marked"]);
      expect(document.querySelector(`[${PAGE_CLICK_ATTRIBUTE}]`)).toBeNull();
    });

    it("is clicked from here, once and marked, when the page's world could not be reached", async () => {
      for (const ask of [async () => false, () => Promise.reject(new Error("no answer"))] as ClickInPage[]) {
        const clicks = link();
        replay(held("post"), ask);
        await settle();
        expect(clicks).toEqual(["post:marked"]);
        expect(document.querySelector(`[${PAGE_CLICK_ATTRIBUTE}]`)).toBeNull();
      }
    });

    it("is not clicked again from here when the page's world clicked but its answer was lost", async () => {
      const clicks = link();
      const ask: ClickInPage = async (token) => {
        const target = document.querySelector(`[${PAGE_CLICK_ATTRIBUTE}="${token}"]`)!;
        target.dispatchEvent(new MouseEvent("click", init));
        target.removeAttribute(PAGE_CLICK_ATTRIBUTE);
        throw new Error("timed out");
      };
      replay(held("post"), ask);
      await settle();
      expect(clicks).toEqual(["post:marked"]);
    });

    it("an ordinary link is clicked here at once, the page's world not asked", () => {
      const clicks = link();
      let asked = false;
      replay(held("plain"), async () => (asked = true));
      expect(clicks).toEqual(["plain:unmarked"]);
      expect(asked).toBe(false);
    });
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBatchHandler, observeActions } from "./observe.ts";
import type { Candidate } from "./scan.ts";

const controllers: AbortController[] = [];

function start(options: { initialScan?: boolean } = {}) {
  const seen: string[] = [];
  const controller = new AbortController();
  controllers.push(controller);
  const observer = observeActions(document, (added: Candidate[]) => seen.push(...added.map((c) => `${c.kind}:${c.label}`)), controller.signal, options);
  return { seen, controller, observer };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.body.innerHTML = "";
});

describe("observeActions", () => {
  it("reports the controls already on the page in its first batch", async () => {
    document.body.innerHTML = "<button>Fax chart</button><button>Print</button>";
    const { seen } = start();
    await vi.waitFor(() => expect(seen).toEqual(["fax:Fax chart"]));
  });

  it("reports a late-inserted button once", async () => {
    const { seen, observer } = start({ initialScan: false });
    const wrapper = document.createElement("div");
    wrapper.innerHTML = "<div><button><span>Send</span> <span>referral</span></button></div>";
    document.body.append(wrapper);
    await vi.waitFor(() => expect(seen).toEqual(["referral:Send referral"]));
    observer.flush();
    await tick();
    expect(seen).toEqual(["referral:Send referral"]);
  });

  it("reports menu items when a menu renders them on open, into a hidden menu too", async () => {
    document.body.innerHTML = '<button aria-haspopup="menu">Actions</button><ul role="menu" id="m"></ul><ul role="menu" id="h" hidden></ul>';
    const { seen } = start({ initialScan: false });
    document.getElementById("m")!.innerHTML = '<li role="menuitem">Print</li><li role="menuitem">Fax</li>';
    await vi.waitFor(() => expect(seen).toEqual(["fax:Fax"]));
    document.getElementById("h")!.innerHTML = '<li role="menuitem">Export CCDA</li>';
    await vi.waitFor(() => expect(seen).toContain("export:Export CCDA"));
  });

  it("re-reports a control when its text or aria-label changes, and not when nothing changed", async () => {
    document.body.innerHTML = '<button id="b"><span id="s">Loading…</span></button><button id="i" aria-label="Print"></button>';
    const { seen } = start({ initialScan: false });
    (document.getElementById("s")!.firstChild as Text).data = "Share chart";
    await vi.waitFor(() => expect(seen).toEqual(["share:Share chart"]));
    document.getElementById("i")!.setAttribute("aria-label", "Send via Direct");
    await vi.waitFor(() => expect(seen).toEqual(["share:Share chart", "direct:Send via Direct"]));
    document.getElementById("i")!.setAttribute("aria-label", "Send via Direct");
    document.getElementById("s")!.textContent = "Share chart";
    await tick();
    await tick();
    expect(seen).toEqual(["share:Share chart", "direct:Send via Direct"]);
  });

  it("reports the replacement when a framework re-renders a node", async () => {
    document.body.innerHTML = '<div id="root"><button>Send referral</button></div>';
    const { seen } = start();
    await vi.waitFor(() => expect(seen).toEqual(["referral:Send referral"]));
    document.getElementById("root")!.innerHTML = "<button>Send referral</button>";
    await vi.waitFor(() => expect(seen).toEqual(["referral:Send referral", "referral:Send referral"]));
  });

  it("sees shadow root content, later changes inside it, and roots found through events or watchShadowRoot", async () => {
    const { seen, observer } = start({ initialScan: false });
    const host = document.createElement("ehr-toolbar");
    host.attachShadow({ mode: "open" }).innerHTML = "<button>Fax</button>";
    document.body.append(host);
    await vi.waitFor(() => expect(seen).toEqual(["fax:Fax"]));
    host.shadowRoot!.append(Object.assign(document.createElement("button"), { textContent: "Share record" }));
    await vi.waitFor(() => expect(seen).toEqual(["fax:Fax", "share:Share record"]));

    // A root attached after the host was inserted makes no mutation; an event through it reveals it.
    const late = document.createElement("ehr-late");
    document.body.append(late);
    await tick();
    const shadow = late.attachShadow({ mode: "open" });
    shadow.innerHTML = '<button id="x">Export chart</button>';
    const click = new Event("pointerdown", { bubbles: true, composed: true });
    late.addEventListener("pointerdown", (event) => observer.noteEvent(event));
    shadow.getElementById("x")!.dispatchEvent(click);
    await vi.waitFor(() => expect(seen).toContain("export:Export chart"));

    const other = document.createElement("ehr-other");
    document.body.append(other);
    await tick();
    other.attachShadow({ mode: "open" }).innerHTML = "<button>Send fax</button>";
    observer.watchShadowRoot(other.shadowRoot!);
    await vi.waitFor(() => expect(seen).toContain("fax:Send fax"));
  });

  it("on a churning list reports only what is still there when the batch runs, and text replaced inside a control", async () => {
    document.body.innerHTML = '<ul id="list"></ul><button id="b"><span id="s">Loading</span></button>';
    const { seen, observer } = start({ initialScan: false });
    const list = document.getElementById("list")!;
    const item = (text: string) => Object.assign(document.createElement(text === "row" ? "li" : "button"), { textContent: text });
    for (let round = 0; round < 3; round++) {
      list.replaceChildren(...Array.from({ length: 50 }, (_, i) => item(round === 0 && i === 3 ? "Share record" : round === 2 && i === 7 ? "Fax chart" : "row")));
    }
    const span = document.getElementById("s")!;
    span.textContent = "Still loading";
    span.textContent = "Send referral";
    await tick();
    observer.flush();
    expect(seen).toEqual(["fax:Fax chart", "referral:Send referral"]);
  });

  it("samples a page that never stops changing: observers off, controls added meanwhile still reported, followed again once quiet", async () => {
    const disconnect = vi.spyOn(window.MutationObserver.prototype, "disconnect");
    document.body.innerHTML = '<ul id="list"></ul>';
    const { seen } = start({ initialScan: false });
    const list = document.getElementById("list")!;
    let rows = 0;
    const churn = setInterval(() => list.replaceChildren(...Array.from({ length: 20 }, () => Object.assign(document.createElement("li"), { textContent: `row ${rows++}` }))), 50);
    try {
      await vi.waitFor(() => expect(disconnect).toHaveBeenCalled(), { timeout: 4_000 });
      const paused = disconnect.mock.calls.length;
      document.body.append(Object.assign(document.createElement("button"), { textContent: "Fax chart" }));
      await vi.waitFor(() => expect(seen).toEqual(["fax:Fax chart"]), { timeout: 4_000 });
      // Still churning: after the sampling rescan, the next addition turns the observers off again.
      await vi.waitFor(() => expect(disconnect.mock.calls.length).toBeGreaterThan(paused), { timeout: 4_000 });
    } finally {
      clearInterval(churn);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    document.body.append(Object.assign(document.createElement("button"), { textContent: "Send referral" }));
    await vi.waitFor(() => expect(seen).toEqual(["fax:Fax chart", "referral:Send referral"]), { timeout: 1_000 });
    disconnect.mockRestore();
  }, 15_000);

  it("stops everything on abort: no callback afterwards, pending batch dropped", async () => {
    const { seen, controller } = start({ initialScan: false });
    document.body.append(Object.assign(document.createElement("button"), { textContent: "Share" }));
    controller.abort();
    document.body.append(Object.assign(document.createElement("button"), { textContent: "Fax" }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(seen).toEqual([]);
  });

  it("does nothing when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const onActions = vi.fn();
    document.body.innerHTML = "<button>Share</button>";
    observeActions(document, onActions, controller.signal).flush();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(onActions).not.toHaveBeenCalled();
  });

  it("keeps observing when the consumer throws", async () => {
    const controller = new AbortController();
    controllers.push(controller);
    const calls: number[] = [];
    observeActions(document, () => {
      calls.push(1);
      throw new Error("consumer bug");
    }, controller.signal, { initialScan: false });
    document.body.append(Object.assign(document.createElement("button"), { textContent: "Share" }));
    await vi.waitFor(() => expect(calls.length).toBe(1));
    document.body.append(Object.assign(document.createElement("button"), { textContent: "Fax" }));
    await vi.waitFor(() => expect(calls.length).toBe(2));
  });
});

describe("createBatchHandler", () => {
  it("handles added subtrees, text nodes inside controls, and skips nodes removed before the batch", () => {
    const handle = createBatchHandler();
    document.body.innerHTML = '<div id="a"><button>Fax</button></div><button id="b"></button>';
    const text = document.createTextNode("Share record");
    document.getElementById("b")!.append(text);
    const detached = document.createElement("button");
    detached.textContent = "Send via Direct";
    const found = handle([document.getElementById("a")!, text, detached]);
    expect(found.map((c) => c.label)).toEqual(["Fax", "Share record"]);
    expect(handle([document.getElementById("a")!])).toEqual([]);
  });

  it("tells about shadow roots met inside added subtrees", () => {
    const roots: ShadowRoot[] = [];
    const handle = createBatchHandler({ onShadowRoot: (root) => roots.push(root) });
    const host = document.createElement("ehr-widget");
    host.attachShadow({ mode: "open" }).innerHTML = "<button>Refer</button>";
    document.body.append(host);
    expect(handle([host]).map((c) => c.kind)).toEqual(["referral"]);
    expect(roots).toEqual([host.shadowRoot]);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { createHoldLimit } from "./hold-limit.ts";

/** An event as the interceptor sees it at window capture: its type and composed path. */
function clickOn(target: Element): Event {
  return { type: "click", composedPath: () => [target, ...ancestors(target)] } as unknown as Event;
}
const ancestors = (el: Element): Element[] => (el.parentElement ? [el.parentElement, ...ancestors(el.parentElement)] : []);

describe("hold limit", () => {
  document.body.innerHTML = `<form id="f"><button id="a">Send<span id="inner">!</span></button><button id="b">Share</button></form><button id="c">Fax</button><button id="d">Export</button>`;
  const [a, b, c, d, inner, form] = ["a", "b", "c", "d", "inner", "f"].map((id) => document.getElementById(id)!);

  it("holds one action per control and a bounded number per page; script never takes over", () => {
    const limit = createHoldLimit(3);
    expect(limit.admit(a!, false)).toBe("hold");
    limit.add(a!);
    expect(limit.admit(a!, true)).toBe("control-busy");
    expect(limit.admit(b!, false)).toBe("script-while-held");
    expect(limit.admit(b!, true)).toBe("hold");
    limit.add(b!);
    limit.add(c!);
    expect(limit.admit(d!, true)).toBe("page-full");
    limit.delete(c!);
    expect(limit.admit(d!, true)).toBe("hold");
  });

  it("finds a held control on an event's path, and a submit of its form with no submitter", () => {
    const limit = createHoldLimit();
    limit.add(a!);
    expect(limit.heldFor(clickOn(inner!))).toBe(a);
    expect(limit.heldFor(clickOn(c!))).toBeUndefined();
    const submit = (submitter: Element | null) => ({ type: "submit", target: form, submitter }) as unknown as Event;
    expect(limit.heldFor(submit(null))).toBe(form);
    expect(limit.heldFor(submit(b!))).toBeUndefined(); // another button of the same form is its own action
    limit.delete(a!);
    expect(limit.heldFor(submit(null))).toBeUndefined();
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { isVisible } from "./visibility.ts";

describe("isVisible", () => {
  it("is false for detached, hidden, display:none ancestors and transparent elements, true otherwise", () => {
    document.body.innerHTML = `<button id="a">A</button><div hidden><button id="b">B</button></div>
      <div style="display:none"><button id="c">C</button></div><button id="d" style="opacity:0">D</button>`;
    expect(isVisible(document.getElementById("a")!)).toBe(true);
    expect(isVisible(document.getElementById("b")!)).toBe(false);
    expect(isVisible(document.getElementById("c")!)).toBe(false);
    expect(isVisible(document.getElementById("d")!)).toBe(false);
    expect(isVisible(document.createElement("button"))).toBe(false);
  });
});

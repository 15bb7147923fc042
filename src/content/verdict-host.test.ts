// @vitest-environment happy-dom
import { afterEach, expect, it } from "vitest";
import { createVerdictHost } from "./verdict-host.ts";

afterEach(() => {
  document.body.innerHTML = "";
  document.body.removeAttribute("style");
  for (const host of document.querySelectorAll("sharecheck-verdict")) host.remove();
});

const facts = { outcome: "needs-review", action: "fax", held: true } as const;

/** The words' own font, set inline over the shadow stylesheet's. */
function wordsFont(shown: "pending" | "chip"): { family: string; size: string } {
  const control = document.body.appendChild(document.createElement("button"));
  const host = createVerdictHost(control, facts);
  if (shown === "pending") host.showPending("Needs review: a psychotherapy note");
  else host.showChip("Allowed: treatment within the ACO", new AbortController().signal);
  const words = host.root.querySelector<HTMLElement>(`.${shown}`)!;
  return { family: words.style.fontFamily, size: words.style.fontSize };
}

it("shows the verdict's words in the page's own body font, which costs the page no font lookup", () => {
  document.body.setAttribute("style", "font-family: Georgia, serif; font-size: 15px");
  expect(wordsFont("pending")).toEqual({ family: "Georgia, serif", size: "15px" });
  expect(wordsFont("chip")).toEqual({ family: "Georgia, serif", size: "15px" });
});

it("keeps its own font where the page's body text is of an odd size", () => {
  document.body.setAttribute("style", "font-family: Georgia, serif; font-size: 48px");
  expect(wordsFont("pending")).toEqual({ family: "", size: "" });
});

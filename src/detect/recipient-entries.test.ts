// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { RECIPIENT_FIXTURES } from "../../test/support/detect-fixtures.ts";
import { readScope, type ScopeMemo } from "./recipient-entries.ts";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("readScope with a memo shared by the nested scopes of one read", () => {
  it.each(RECIPIENT_FIXTURES.filter((f) => !f.shadow && !f.typed))("$name: each scope reads as it does afresh", ({ html }) => {
    document.body.innerHTML = html;
    const control = document.getElementById("send")!;
    const memo: ScopeMemo = new Map();
    for (let scope = control.parentElement; scope; scope = scope.parentElement) {
      const replayed = readScope(scope, undefined, control, memo);
      const afresh = readScope(scope, undefined, control);
      expect(replayed.length).toBe(afresh.length);
      replayed.forEach((entry, i) => {
        expect(entry.element).toBe(afresh[i]!.element);
        expect({ ...entry, element: null }).toEqual({ ...afresh[i]!, element: null });
      });
    }
  });
});

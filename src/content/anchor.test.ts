import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { anchorBeside } from "./anchor.ts";

const viewport = { width: 1200, height: 800 };
const size = { width: 380, height: 300 };

describe("anchorBeside", () => {
  it("puts the panel under the control, left-aligned", () => {
    expect(anchorBeside({ left: 100, top: 100, width: 120, height: 32 }, size, viewport)).toEqual({
      left: 100,
      top: 138,
      width: 380,
      height: 300,
    });
  });

  it("flips above the control near the bottom and shifts left near the right edge", () => {
    const box = anchorBeside({ left: 1100, top: 700, width: 90, height: 32 }, size, viewport);
    expect(box.top + box.height).toBeLessThanOrEqual(700);
    expect(box.left + box.width).toBeLessThanOrEqual(viewport.width - 8);
  });

  it("shrinks to a small viewport (200% zoom) and never leaves it", () => {
    fc.assert(
      fc.property(
        fc.record({
          left: fc.integer({ min: -500, max: 2000 }),
          top: fc.integer({ min: -500, max: 2000 }),
          width: fc.integer({ min: 0, max: 400 }),
          height: fc.integer({ min: 0, max: 200 }),
        }),
        fc.record({ width: fc.integer({ min: 200, max: 2000 }), height: fc.integer({ min: 200, max: 1500 }) }),
        (control, vp) => {
          const box = anchorBeside(control, size, vp);
          return box.left >= 8 && box.top >= 8 && box.left + box.width <= vp.width - 8 + 1 && box.top + box.height <= vp.height - 8 + 1;
        },
      ),
    );
  });
});

describe("anchorBeside keeps the control clickable", () => {
  const overlaps = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
    a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

  it("shortens a panel taller than the room below and above to the larger space, off the control", () => {
    const control = { left: 459, top: 276, width: 143, height: 36 };
    const box = anchorBeside(control, { width: 400, height: 449 }, { width: 1280, height: 720 });
    expect(overlaps(box, control)).toBe(false);
    expect(box.top).toBe(318);
    expect(box.height).toBe(720 - 8 - 318);
  });

  it("goes beside the control when there is no useful room above or below", () => {
    const control = { left: 100, top: 120, width: 120, height: 200 };
    const box = anchorBeside(control, size, { width: 1200, height: 420 });
    expect(overlaps(box, control)).toBe(false);
    expect(box.left).toBe(226);
  });

  it("never covers the control when the viewport has room for both", () => {
    fc.assert(
      fc.property(
        fc.record({
          left: fc.integer({ min: 8, max: 700 }),
          top: fc.integer({ min: 8, max: 700 }),
          width: fc.integer({ min: 20, max: 200 }),
          height: fc.integer({ min: 20, max: 60 }),
        }),
        fc.integer({ min: 80, max: 900 }),
        (control, height) => !overlaps(anchorBeside(control, { width: 380, height }, { width: 1280, height: 800 }), control),
      ),
    );
  });
});

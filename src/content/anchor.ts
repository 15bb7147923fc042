/** Where the panel goes: beside the control, below it if it fits, else above, always inside the viewport. */
export type Box = { left: number; top: number; width: number; height: number };

const GAP = 6;
const MARGIN = 8;

export function anchorBeside(control: DOMRectReadOnly | Box, size: { width: number; height: number }, viewport: { width: number; height: number }): Box {
  const width = Math.max(0, Math.min(size.width, viewport.width - 2 * MARGIN));
  const height = Math.max(0, Math.min(size.height, viewport.height - 2 * MARGIN));
  const below = control.top + control.height + GAP;
  const above = control.top - GAP - height;
  let top: number;
  if (below + height <= viewport.height - MARGIN) top = below;
  else if (above >= MARGIN) top = above;
  else top = viewport.height - MARGIN - height; // neither fits: as low as possible, still whole
  const left = Math.min(Math.max(control.left, MARGIN), viewport.width - MARGIN - width);
  top = Math.min(top, viewport.height - MARGIN - height);
  return { left: Math.round(Math.max(MARGIN, left)), top: Math.round(Math.max(MARGIN, top)), width, height };
}

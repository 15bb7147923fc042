/**
 * Where the panel goes: beside the control, below it if it fits, else above, always inside the
 * viewport, and never over the control while there is any other room: a tall panel is shortened to
 * the larger space above or below (its body scrolls, the decision stays in view), or goes to the
 * control's side. A panel over its own control would take the clinician's next click on it.
 */
export type Box = { left: number; top: number; width: number; height: number };

const GAP = 6;
const MARGIN = 8;
/** The shortest panel that still shows the verdict line and the decision. */
export const MIN_PANEL_HEIGHT = 160;

export function anchorBeside(
  control: DOMRectReadOnly | Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): Box {
  const width = Math.max(0, Math.min(size.width, viewport.width - 2 * MARGIN));
  let height = Math.max(0, Math.min(size.height, viewport.height - 2 * MARGIN));
  const below = control.top + control.height + GAP;
  const spaceBelow = viewport.height - MARGIN - below;
  const spaceAbove = control.top - GAP - MARGIN;
  let left = Math.min(Math.max(control.left, MARGIN), viewport.width - MARGIN - width);
  let top: number;
  if (height <= spaceBelow) top = below;
  else if (height <= spaceAbove) top = control.top - GAP - height;
  else if (Math.max(spaceBelow, spaceAbove) >= Math.min(MIN_PANEL_HEIGHT, height)) {
    height = Math.max(spaceBelow, spaceAbove);
    top = spaceBelow >= spaceAbove ? below : control.top - GAP - height;
  } else {
    top = Math.min(Math.max(control.top, MARGIN), viewport.height - MARGIN - height);
    const right = control.left + control.width + GAP;
    if (right + width <= viewport.width - MARGIN) left = right;
    else if (control.left - GAP - width >= MARGIN) left = control.left - GAP - width;
    else top = viewport.height - MARGIN - height; // no room anywhere: as low as possible, still whole
  }
  top = Math.min(top, viewport.height - MARGIN - height);
  left = Math.min(left, viewport.width - MARGIN - width);
  return { left: Math.round(Math.max(MARGIN, left)), top: Math.round(Math.max(MARGIN, top)), width, height: Math.round(height) };
}

/**
 * A table that renders only the rows in view, so 50,000 participants scroll as smoothly as 50. Rows have
 * one fixed height; spacer rows above and below stand for the rest. aria-rowcount and aria-rowindex tell
 * assistive technology how big the whole table is.
 */
import type { ComponentChild } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";

export type Column<T> = { header: string; cell: (item: T, index: number) => ComponentChild; width?: string };

type Props<T> = {
  label: string;
  columns: Column<T>[];
  count: number;
  item: (index: number) => T;
  rowKey: (item: T, index: number) => string;
  /** Visible height in rem. */
  heightRem?: number;
};

const ROW_REM = 2.25;
const OVERSCAN = 8;

function rootFontPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

export function VirtualTable<T>({ label, columns, count, item, rowKey, heightRem = 20 }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [rowPx, setRowPx] = useState(ROW_REM * 16);
  useLayoutEffect(() => setRowPx(ROW_REM * rootFontPx()), []);
  // A shorter list (a new search) must not leave the view scrolled past its end.
  useLayoutEffect(() => {
    if (scroller.current && scroller.current.scrollTop > count * rowPx) scroller.current.scrollTop = 0;
  }, [count]);

  const viewPx = heightRem * rootFontPx();
  const first = Math.max(0, Math.floor(scrollTop / rowPx) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewPx) / rowPx) + OVERSCAN);
  const rows: ComponentChild[] = [];
  for (let i = first; i < last; i++) {
    const it = item(i);
    rows.push(
      <tr key={rowKey(it, i)} aria-rowindex={i + 2} style={{ height: `${rowPx}px` }}>
        {columns.map((c, ci) => (
          <td key={ci}>{c.cell(it, i)}</td>
        ))}
      </tr>,
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a region role keeps the scrolling box a landmark without section's own styles
    <div
      ref={scroller}
      class="sc-scroll"
      role="region"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is focusable so the keyboard can scroll it (axe: scrollable-region-focusable)
      tabIndex={0}
      style={{ maxHeight: `${heightRem}rem` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <table class="sc-table" aria-rowcount={count + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.header} scope="col" style={c.width ? { width: c.width } : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, not focusable
            <tr aria-hidden="true" class="sc-spacer" style={{ height: `${first * rowPx}px` }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {rows}
          {last < count && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, not focusable
            <tr aria-hidden="true" class="sc-spacer" style={{ height: `${(count - last) * rowPx}px` }}>
              <td colSpan={columns.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The large page of issue 9's load budget, as served HTML (so the browser parses it as it would a real
 * EHR screen): exactly 20,000 elements in the document, 2,000 buttons, 100 forms, 100 tables, nested 30
 * deep at the deepest. 100 sections (a patient worklist panel each): a chain of wrapper divs (as
 * component libraries nest them), a small order form (From, To, Fax number, Note; Save draft + a send
 * button) and an 18-row table whose rows hold one button each, every ninth of them a send control.
 * `pageShape` counts what a browser sees, so the bench can print it and refuse a page of the wrong shape.
 */
export const SHAPE = { elements: 20_000, buttons: 2_000, forms: 100, tables: 100, depth: 30 } as const;

const SECTIONS = SHAPE.forms;
const ROWS = SHAPE.buttons / SECTIONS - 2;
/** Wrapper divs between a section and its form/table: the table's button sits at depth SHAPE.depth. */
const WRAPPERS = SHAPE.depth - 9;
const SENDS = ["Share record", "Fax chart", "Send referral", "Send via Direct"];
const FORM_SENDS = ["Send referral", "Send", "Transmit", "Fax"];

function section(s: number): string {
  const rows: string[] = [];
  for (let r = 0; r < ROWS; r++) {
    const n = s * ROWS + r;
    const action = r % 9 === 4 ? SENDS[n % SENDS.length]! : "Open";
    rows.push(
      `<tr><td><span class="name">Patient ${n}</span></td><td>MRN ${100_000 + n}</td><td><a href="#p${n}">Chart</a></td><td><button type="button" class="btn">${action}</button></td></tr>`,
    );
  }
  const field = (label: string, name: string, value: string) =>
    `<label><span>${label}</span><input name="${name}" value="${value}"></label>`;
  const form =
    `<form action="#" class="order"><fieldset><legend>Order ${s}</legend>` +
    field("From", "from", "Dr. Alice Smith") +
    field("To", "to", `Dr. Bob Jones ${s}`) +
    field("Fax number", "fax", "(555) 010-0100") +
    field("Note", "note", "") +
    `<button type="button">Save draft</button><button type="submit">${FORM_SENDS[s % FORM_SENDS.length]}</button></fieldset></form>`;
  const table = `<table><thead><tr><th>Name</th><th>MRN</th><th>Chart</th><th>Action</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  const open = '<div class="wrap">'.repeat(WRAPPERS);
  return `<section class="panel"><h2>Worklist ${s}</h2>${open}${form}${table}${"</div>".repeat(WRAPPERS)}</section>`;
}

/** The page, padded with plain spans so the document holds exactly SHAPE.elements elements. */
export function largePageHtml(): string {
  const head =
    '<!doctype html><html><head><meta charset="utf-8"><title>Worklist</title><style>.wrap{padding:0 1px}.btn{font:inherit}</style></head>';
  const sections = Array.from({ length: SECTIONS }, (_, s) => section(s)).join("");
  // html, head, meta, title, style, body, main + per section: section, h2, wrappers, form (17), table (8 + 8 per row)
  const perSection = 2 + WRAPPERS + 17 + 8 + ROWS * 8;
  const used = 7 + SECTIONS * perSection + 1; // + the padding div
  const padding = "<span></span>".repeat(SHAPE.elements - used);
  return `${head}<body><main>${sections}</main><div class="padding">${padding}</div></body></html>`;
}

export type PageShape = { elements: number; buttons: number; forms: number; tables: number; depth: number };

/** Runs in the page (no named inner functions: tsx would wrap them in a helper the page lacks). */
export function pageShape(): PageShape {
  let depth = 0;
  for (const el of Array.from(document.getElementsByTagName("*"))) {
    let d = 0;
    for (let up: Element | null = el; up; up = up.parentElement) d++;
    if (d > depth) depth = d;
  }
  const [elements, buttons, forms, tables] = ["*", "button", "form", "table"].map((tag) => document.getElementsByTagName(tag).length) as [
    number,
    number,
    number,
    number,
  ];
  return { elements, buttons, forms, tables, depth };
}

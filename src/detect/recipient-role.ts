/**
 * A control that names its recipient by a role ("Fax to referring physician", "Send to PCP", WebPT's fax icon on a
 * note's row) sends to whoever the page shows under that role ("Referring physician: Marisol Vega, MD · Bayside
 * Orthopedics · Fax (555) 010-2210" in the case's side panel). Elsewhere a referring provider or a PCP is never the
 * recipient (recipient-labels.ts): here the control says it is.
 */
import { accessibleName } from "./accessible-name.ts";
import type { DetectedRecipient } from "./action.ts";
import { readValue } from "./recipient-values.ts";
import { cleanText, matchText } from "./text.ts";
import { SEND_TO_VERB } from "./vocabulary.ts";

const REFERRER = "referring (?:physician|provider|doctor|clinician|md)|referrer|referral source|referred by";
const PRIMARY = "pcp|primary care(?: physician| provider| doctor| clinician)?";
/** "Fax (note) (back) to (the) referring physician": the verb, what goes, and the role. */
const TO_ROLE = new RegExp(
  `^(?:${SEND_TO_VERB}|(?:e?fax|e ?mail|route|return|send|share|copy)(?: \\S+){0,2} (?:back )?to) (?:the |my |our )?(${REFERRER}|${PRIMARY})$`,
);
/** The page's label for each role, as matchText spells it (a colon dropped). */
const ROLE_LABELS: ReadonlyArray<{ role: RegExp; label: RegExp }> = [
  { role: new RegExp(`^(?:${REFERRER})$`), label: new RegExp(`^(?:${REFERRER}|referring|referral from)$`) },
  { role: new RegExp(`^(?:${PRIMARY})$`), label: new RegExp(`^(?:${PRIMARY})$`) },
];
/** Elements that label a value beside them: a term, a header cell, a label, a bold caption. */
const LABELS = 'dt,th,label,b,strong,[class*="label" i]';
const MAX_LABELS = 400;

/** The recipient the control names by role, as the page shows it under that role; undefined when it names none or the page shows none. */
export function namedByRole(control: Element): DetectedRecipient | undefined {
  const role = TO_ROLE.exec(matchText(cleanText(accessibleName(control), 120)))?.[1];
  const wanted = role && ROLE_LABELS.find((r) => r.role.test(role))?.label;
  if (!wanted) return undefined;
  const labels = (control.ownerDocument.body ?? control.ownerDocument.documentElement).querySelectorAll(LABELS);
  for (let i = 0; i < labels.length && i < MAX_LABELS; i++) {
    const label = labels[i]!;
    if (!wanted.test(matchText(label.textContent ?? ""))) continue;
    const value = labelled(label);
    const read = value ? readValue(value) : undefined;
    if (read?.value) {
      const { value: name, organization, fax, directAddress } = read;
      return {
        text: name,
        label: cleanText(label.textContent ?? "", 60).replace(/:$/, ""),
        name,
        ...(organization ? { organization } : {}),
        ...(fax ? { fax } : {}),
        ...(directAddress ? { directAddress } : {}),
      };
    }
  }
  return undefined;
}

/** What a label labels: a label's field, else what follows it (a term's description, a header cell's data cell). */
function labelled(label: Element): Element | null {
  return (label.localName === "label" ? (label as HTMLLabelElement).control : null) ?? label.nextElementSibling;
}

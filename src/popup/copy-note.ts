/**
 * The short dated note "Copy" puts on the clipboard for the chart or the audit file: what kind of
 * information went to whom, for what, the outcome and its citations. Nothing about the patient is in
 * it: no patient facts, no names other than the recipient's.
 */
import { formatPhone } from "../core/aco-fact.ts";
import type { DisclosureRequest, Verdict } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import { shownHeadline } from "../ui/headline.ts";
import { key } from "../ui/message-key.ts";
import { outcomeLabel } from "../ui/verdict-view.tsx";

const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

export function copyNote(request: DisclosureRequest, verdict: Verdict, now = new Date()): string {
  const r = request.recipient;
  const ids = [r.tin && t("form_tin_value", r.tin), r.npi && t("form_npi_value", r.npi)].filter(Boolean).join(", ");
  // A recipient given only by its Direct address or fax number is named by it.
  const who = [
    r.name ?? r.directAddress ?? (r.fax ? `${t("note_fax")} ${formatPhone(r.fax)}` : undefined) ?? t("note_recipient_unnamed"),
    `(${[t(key("recipient_type", r.type)), ids].filter(Boolean).join("; ")})`,
  ].join(" ");
  const purpose =
    request.purpose === "operations" && request.operationsActivity
      ? `${t(key("purpose", "operations"))}: ${t(key("operations", request.operationsActivity))}`
      : request.purpose === "other" && request.otherPurpose
        ? t(key("other_purpose", request.otherPurpose))
        : t(key("purpose", request.purpose));
  const lines = [
    t("note_title", isoDate(now)),
    t("note_shared", request.information.map((k) => t(key("information", k))).join(", ")),
    t("note_with", who),
    t("note_for", purpose),
    t("note_outcome", [outcomeLabel(verdict.outcome), shownHeadline(verdict).text].join(": ")),
  ];
  if (verdict.acoMatch) lines.push(t("note_aco", [verdict.acoMatch.acoName, verdict.acoMatch.acoId]));
  if (verdict.citations.length > 0) lines.push(t("note_citations", verdict.citations.join("; ")));
  return lines.join("\n");
}

/**
 * The cues of sensitive content the page showed in what is being sent, one line per kind: where each
 * was read and what the page calls it, then why the kind matters ("Attached: Psychotherapy note (14 Mar):
 * psychotherapy notes need the patient's written authorization"). The clinician can say a kind is not
 * included, which takes it out of the request (and back in again); the verdict follows the request.
 */
import { INFORMATION_KINDS, type DisclosureRequest, type InformationKind } from "../core/schema.ts";
import type { DetectedCue } from "../detect/action.ts";
import { t } from "../platform/i18n.ts";
import { key } from "./message-key.ts";
import "./cue-list.css";

/** The request with one kind in or out; a record with no sensitive kind left is "general". */
export function withKind(request: DisclosureRequest, kind: InformationKind, included: boolean): DisclosureRequest {
  const set = new Set(request.information);
  if (included) {
    set.add(kind);
    set.delete("general");
  } else set.delete(kind);
  const information = INFORMATION_KINDS.filter((k) => set.has(k));
  return { ...request, information: information.length > 0 ? information : ["general"] };
}

/** Cued kinds, in the core's order, each with its cues. */
function byKind(cues: readonly DetectedCue[]): Array<[InformationKind, DetectedCue[]]> {
  return INFORMATION_KINDS.map((kind) => [kind, cues.filter((cue) => cue.kind === kind)] as [InformationKind, DetectedCue[]]).filter(
    ([, list]) => list.length > 0,
  );
}

export function CueList({
  cues,
  request,
  onChange,
}: {
  cues: readonly DetectedCue[];
  request: DisclosureRequest;
  onChange: (next: DisclosureRequest) => void;
}) {
  const kinds = byKind(cues);
  if (kinds.length === 0) return null;
  return (
    <div class="sc-cues">
      <h3 class="sc-cues-title">{t("cues_heading")}</h3>
      <ul>
        {kinds.map(([kind, list]) => {
          const name = t(key("information", kind));
          const included = request.information.includes(kind);
          const seen = list.map((cue) => t("cue_seen", [t(key("cue_source", cue.source)), cue.text || name])).join("; ");
          return (
            <li key={kind} class="sc-cue" data-cue-kind={kind} data-set-aside={String(!included)}>
              <span>{included ? t("cue_line", [seen, t(key("cue_why", kind))]) : t("cue_set_aside", name)}</span>{" "}
              <button
                type="button"
                class="sc-cue-toggle"
                aria-label={t(included ? "cue_not_included_label" : "cue_include_again_label", name)}
                onClick={() => onChange(withKind(request, kind, !included))}
              >
                {t(included ? "cue_not_included" : "cue_include_again")}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

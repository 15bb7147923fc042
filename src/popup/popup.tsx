/**
 * The popup's quick check. The form shows at once (focus in Recipient). Until a recipient is given the
 * verdict's place holds a prompt: an answer about nobody in particular would read as a green "Allowed" for
 * whoever the clinician had in mind. Verdicts, with the ACO fact, and recipient suggestions come from the
 * background, which holds the organisation's profile indexed; the popup never loads the participant lists
 * (50,000 of them take seconds to cross and parse, and the clinician would type into a frozen page). It
 * asks once at opening so the background's index is warm when the recipient is typed. A failed or late
 * answer shows "could not decide".
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { AcoFact } from "../core/aco-fact.ts";
import { couldNotDecide, type DisclosureRequest, type Verdict } from "../core/index.ts";
import { buildRequest } from "../messaging/action-request.ts";
import type { DetectedAction, DetectedCue } from "../detect/action.ts";
import { send } from "../messaging/send.ts";
import { browser } from "../platform/browser.ts";
import { t } from "../platform/i18n.ts";
import { CheckForm } from "../ui/check-form.tsx";
import { key } from "../ui/message-key.ts";
import { CueList } from "../ui/cue-list.tsx";
import type { Suggest } from "../ui/recipient-combobox.tsx";
import { recipientGiven } from "../ui/recipient-given.ts";
import { VerdictView } from "../ui/verdict-view.tsx";
import { copyNote } from "./copy-note.ts";
import { FIRST_VERDICT_MARK } from "./marks.ts";

const START: DisclosureRequest = { purpose: "treatment", recipient: { type: "provider" }, information: ["general"] };

const suggest: Suggest = (query) => send("recipient-suggestions", { query }).then((r) => r.suggestions);

type Answer = { request: DisclosureRequest; verdict: Verdict; aco: AcoFact | undefined };

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The action most worth checking: one with a recipient if the page has any. */
const pickAction = (actions: DetectedAction[]) => actions.find((a) => a.recipient) ?? actions[0];

async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Firefox can refuse the async clipboard in a popup; the old copy command still works there.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "sc-visually-hidden";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (!ok) throw new Error("copy refused");
  }
}

export function Popup() {
  const [request, setRequest] = useState<DisclosureRequest>(START);
  const [answer, setAnswer] = useState<Answer>();
  /** How many participants the ACO lists hold, once the background says; undefined if it could not. */
  const [participants, setParticipants] = useState<number | "failed">();
  const [status, setStatus] = useState("");
  /** Cues of sensitive content read with the action the form was filled from: they pre-set the kinds. */
  const [cues, setCues] = useState<readonly DetectedCue[]>([]);
  const touched = useRef(false);
  const marked = useRef(false);

  // Warm the background's suggestion index and learn whether there are ACO lists at all.
  useEffect(() => {
    send("recipient-suggestions", { query: "" }).then(
      (r) => setParticipants(r.participants),
      () => setParticipants("failed"),
    );
  }, []);

  // One question per request; the first (before any recipient) only warms the background's ACO index.
  // A layout effect, so the question leaves right after the render instead of a frame later.
  const asked = useRef(false);
  useLayoutEffect(() => {
    if (asked.current && !recipientGiven(request)) return;
    asked.current = true;
    let current = true;
    send("verdict", { request }).then(
      ({ verdict, aco }) => current && setAnswer({ request, verdict, aco }),
      (error: unknown) =>
        current && setAnswer({ request, verdict: couldNotDecide(error instanceof Error ? error.message : String(error)), aco: undefined }),
    );
    return () => {
      current = false;
    };
  }, [request]);

  useEffect(() => {
    void (async () => {
      const tabId = await activeTabId();
      if (tabId === undefined) return;
      const { last } = await send("last-action", { tabId });
      if (last && !touched.current) prefill(last.action);
    })().catch(() => undefined); // no tab or no detection: the form simply starts empty
  }, []);

  const prefill = (action: DetectedAction) => {
    const next = buildRequest(action.kind, action.recipient, action.cues);
    setRequest(next);
    setCues(action.cues ?? []);
    const kinds = next.information.filter((kind) => kind !== "general").map((kind) => t(key("information", kind)));
    setStatus(
      kinds.length
        ? `${t("popup_scan_found", action.label)} ${t("popup_scan_cues", kinds.join(", "))}`
        : t("popup_scan_found", action.label),
    );
  };

  const given = recipientGiven(request);
  // An answer is shown only for the request it answered, never for a newer one.
  const shown = given && answer?.request === request ? answer : undefined;
  const verdict = shown?.verdict;

  useLayoutEffect(() => {
    if (verdict && !marked.current) {
      marked.current = true;
      performance.mark(FIRST_VERDICT_MARK);
    }
  }, [verdict]);

  const scan = async () => {
    setStatus("");
    try {
      const tabId = await activeTabId();
      if (tabId === undefined) throw new Error("no active tab");
      const { actions } = await send("scan-tab", { tabId }, { timeoutMs: 3000 });
      const action = pickAction(actions);
      if (action) {
        touched.current = true;
        prefill(action);
      } else setStatus(t("popup_scan_none"));
    } catch {
      setStatus(t("popup_scan_failed"));
    }
  };

  const copy = async () => {
    if (!verdict) return;
    try {
      await writeClipboard(copyNote(request, verdict));
      setStatus(t("popup_copied"));
    } catch {
      setStatus(t("popup_copy_failed"));
    }
  };

  return (
    <main class="sc-root sc-popup">
      <header class="sc-popup-head">
        <h1>{t("popup_title")}</h1>
        <button type="button" class="sc-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t("popup_options")}
        </button>
      </header>
      <CheckForm
        value={request}
        onChange={(next) => {
          touched.current = true;
          setRequest(next);
        }}
        suggest={participants ? suggest : undefined}
        autoFocus
        outcome={verdict?.outcome}
      />
      {participants === 0 && <p class="sc-hint">{t("popup_no_profile")}</p>}
      {participants === "failed" && <p class="sc-error">{t("popup_settings_failed")}</p>}
      <VerdictView verdict={verdict} aco={shown?.aco} prompt={given ? t("popup_checking") : t("popup_prompt")}>
        <CueList
          cues={cues}
          request={request}
          onChange={(next) => {
            touched.current = true;
            setRequest(next);
          }}
        />
      </VerdictView>
      <div class="sc-actions">
        <button type="button" class="sc-button sc-primary" onClick={() => void copy()} disabled={!verdict}>
          {t("popup_copy")}
        </button>
        <button type="button" class="sc-button" onClick={() => void scan()}>
          {t("popup_scan")}
        </button>
      </div>
      <p role="status" class="sc-status">
        {status}
      </p>
    </main>
  );
}

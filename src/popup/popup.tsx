/**
 * The popup's quick check. The form shows at once (focus in Recipient). The first verdicts come from the
 * background, which already holds the organisation's profile indexed; the profile itself is loaded after the
 * first verdict (a 50,000-participant list takes a while to cross), and from then on every change is
 * evaluated here with the same core, as the user types. Anything that fails shows "could not decide".
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { couldNotDecide, evaluate, type DisclosureRequest, type OrgProfile, type Verdict } from "../core/index.ts";
import { buildRequest } from "../content/request.ts";
import type { DetectedAction, DetectedCue } from "../detect/action.ts";
import { send } from "../messaging/send.ts";
import { browser } from "../platform/browser.ts";
import { t } from "../platform/i18n.ts";
import { CheckForm, key } from "../ui/check-form.tsx";
import { CueList } from "../ui/cue-list.tsx";
import { buildParticipantSearch, profileParticipants } from "../ui/participant-search.ts";
import { VerdictView } from "../ui/verdict-view.tsx";
import { copyNote } from "./copy-note.ts";
import { FIRST_VERDICT_MARK } from "./marks.ts";

const SETTINGS_TIMEOUT_MS = 3000;

const START: DisclosureRequest = { purpose: "treatment", recipient: { type: "provider" }, information: ["general"] };

type Profile = { status: "loading" } | { status: "ready"; profile: OrgProfile } | { status: "failed"; detail: string };

function decide(request: DisclosureRequest, profile: Profile): Verdict | undefined {
  if (profile.status === "loading") return undefined;
  if (profile.status === "failed") return couldNotDecide(profile.detail);
  try {
    return evaluate(request, profile.profile);
  } catch (error) {
    return couldNotDecide(error instanceof Error ? error.message : String(error));
  }
}

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
  const [profile, setProfile] = useState<Profile>({ status: "loading" });
  const [status, setStatus] = useState("");
  /** Cues of sensitive content read with the action the form was filled from: they pre-set the kinds. */
  const [cues, setCues] = useState<readonly DetectedCue[]>([]);
  const touched = useRef(false);
  const marked = useRef(false);

  const loadProfile = () =>
    send("settings-get", {}, { timeoutMs: SETTINGS_TIMEOUT_MS }).then(
      (view) => setProfile({ status: "ready", profile: view.settings.profile }),
      (error: unknown) => setProfile({ status: "failed", detail: error instanceof Error ? error.message : String(error) }),
    );

  // Until the profile is here, ask the background for each verdict. The profile is fetched only after the
  // first answer, so its large reply cannot hold up that answer in the background.
  const [remote, setRemote] = useState<{ request: DisclosureRequest; verdict: Verdict }>();
  const asked = useRef(false);
  // A layout effect, so the first question leaves right after the first render instead of a frame later.
  useLayoutEffect(() => {
    if (profile.status !== "loading") return;
    let current = true;
    const first = !asked.current;
    asked.current = true;
    const answer = send("verdict", { request }).then(
      ({ verdict }) => current && setRemote({ request, verdict }),
      () => undefined, // the profile path still answers, or fails safe
    );
    if (first) void answer.then(loadProfile);
    return () => {
      current = false;
    };
  }, [request, profile.status]);

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
    setStatus(kinds.length ? `${t("popup_scan_found", action.label)} ${t("popup_scan_cues", kinds.join(", "))}` : t("popup_scan_found", action.label));
  };

  const local = useMemo(() => decide(request, profile), [request, profile]);
  // A background verdict is shown only for the request it answered, never for a newer one.
  const verdict = local ?? (remote?.request === request ? remote.verdict : undefined);
  const search = useMemo(
    () => (profile.status === "ready" ? buildParticipantSearch(profileParticipants(profile.profile)) : undefined),
    [profile],
  );

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
        suggest={search ? (q) => search.top(q) : undefined}
        autoFocus
        outcome={verdict?.outcome}
      />
      {profile.status === "ready" && profile.profile.acos.length === 0 && <p class="sc-hint">{t("popup_no_profile")}</p>}
      {profile.status === "failed" && <p class="sc-error">{t("popup_settings_failed")}</p>}
      {verdict ? (
        <VerdictView verdict={verdict}>
          <CueList
            cues={cues}
            request={request}
            onChange={(next) => {
              touched.current = true;
              setRequest(next);
            }}
          />
        </VerdictView>
      ) : (
        <p class="sc-hint">{t("popup_loading")}</p>
      )}
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

/**
 * The recipient field: an editable combobox (WAI-ARIA 1.2 pattern, list autocomplete) that suggests ACO
 * participants by name, TIN, NPI or alias, each with the ACOs that list it, and accepts any free text. Arrow keys move through suggestions, Enter
 * picks the highlighted one, Escape closes the list. Enter with nothing highlighted is left to the form
 * (which moves to the next field).
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { npiKey } from "../core/aco-match.ts";
import type { Recipient } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import { key } from "./message-key.ts";
import type { Suggestion } from "./recipient-suggestions.ts";

/** Suggestions for what is typed: at once, or from the background (a newer keystroke's answer wins). */
export type Suggest = (query: string) => Suggestion[] | Promise<Suggestion[]>;

/** What one line of free text can say about the recipient. */
export type RecipientText = Pick<Recipient, "name" | "tin" | "npi" | "directAddress" | "fax">;

/**
 * Free text as a recipient. An address (local@domain) is a Direct address; a number written as a phone
 * number ("312-555-0190", "(312) 555 0190", "+1 312…") is a fax; a bare 9-digit number (or 12-3456789) a
 * TIN; a bare 10-digit number an NPI when its check digit is right, else a fax; anything else a name.
 */
export function recipientFromText(text: string): RecipientText {
  const trimmed = text.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return { directAddress: trimmed };
  if (!/^(fax|tel|phone)?[:\s]*[\d\s().+-]+$/i.test(trimmed)) return trimmed ? { name: trimmed } : {};
  const digits = trimmed.replace(/\D/g, "");
  const phoneShaped = /[()+.]|\d[\s.-]\d{3}[\s.-]\d{4}$|^\D/.test(trimmed);
  if (digits.length === 9 && !phoneShaped) return { tin: digits };
  if (digits.length === 10 && !phoneShaped && npiKey(digits) !== undefined) return { npi: digits };
  if (digits.length === 15 && digits.startsWith("80840")) return { npi: digits };
  if (digits.length === 10 || (digits.length === 11 && digits.startsWith("1")))
    return { fax: trimmed.replace(/^(fax|tel|phone)[:\s]*/i, "") };
  return { name: trimmed };
}

export function displayRecipient(r: RecipientText): string {
  return r.name ?? r.directAddress ?? r.fax ?? r.tin ?? r.npi ?? "";
}

/** A suggestion's identity across lists (also its list key): the same participant in the same first ACO. */
const suggestionKey = (p: Suggestion): string => `${p.name}|${p.tin ?? ""}|${p.npi ?? ""}|${p.acos?.[0]?.acoId ?? ""}`;

type Props = {
  recipient: RecipientText;
  onText: (text: string) => void;
  onPick: (suggestion: Suggestion) => void;
  suggest?: Suggest | undefined;
  autoFocus?: boolean | undefined;
};

export function RecipientCombobox({ recipient, onText, onPick, suggest, autoFocus }: Props) {
  const id = useId();
  const inputId = `${id}-recipient`;
  const listId = `${id}-recipient-list`;
  const [options, setOptions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);

  // The autofocus attribute is honoured only while a page loads; a panel or popup renders later.
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, []);

  // The field is uncontrolled: re-setting its value on every render can drop a keystroke typed while a
  // render is pending. A recipient set from outside (a prefill from the page) is written in here. Everything
  // the user typed or picked comes back as `recipient` too, sometimes after newer keystrokes, so those values
  // are remembered and never written back over the field.
  const external = displayRecipient(recipient);
  const ours = useRef(new Set<string>());
  useEffect(() => {
    if (ours.current.has(external) || !input.current) return;
    ours.current = new Set([external]);
    input.current.value = external;
  }, [external]);

  const asked = useRef(0);
  /** The suggestion highlighted now, read when a newer answer replaces the list. */
  const highlighted = useRef<Suggestion | undefined>(undefined);
  highlighted.current = open && active >= 0 ? options[active] : undefined;
  /**
   * Shows the suggestions for `query`; `first` highlights the first one (ArrowDown on a closed list). An
   * answer to an earlier keystroke can arrive after the clinician arrowed into the list: the suggestion they
   * highlighted stays highlighted when the new list has it, so Enter picks what they saw.
   */
  const refresh = (query: string, first = false) => {
    const ticket = ++asked.current;
    const show = (found: Suggestion[]) => {
      if (ticket !== asked.current) return; // a newer keystroke asked since
      const kept = highlighted.current && suggestionKey(highlighted.current);
      setOptions(found);
      setOpen(found.length > 0);
      setActive(first && found.length > 0 ? 0 : kept ? found.findIndex((p) => suggestionKey(p) === kept) : -1);
    };
    const found = suggest && query.trim() ? suggest(query) : [];
    if (Array.isArray(found)) show(found);
    else found.then(show, () => show([]));
  };

  const pick = (p: Suggestion) => {
    asked.current++;
    ours.current.add(p.name);
    if (input.current) input.current.value = p.name;
    setOpen(false);
    setActive(-1);
    onPick(p);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open) return refresh(input.current?.value ?? "", true);
      setActive((a) => (a + 1) % options.length);
    } else if (e.key === "ArrowUp") {
      if (!open) return;
      e.preventDefault();
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (e.key === "Enter") {
      const chosen = open ? options[active] : undefined;
      if (chosen) {
        e.preventDefault();
        e.stopPropagation();
        pick(chosen);
      } else setOpen(false);
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        setActive(-1);
      }
    }
  };

  return (
    <div class="sc-field sc-combobox">
      <label for={inputId}>{t("form_recipient")}</label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open ? "true" : "false"}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={`${inputId}-hint`}
        autocomplete="off"
        spellcheck={false}
        ref={input}
        onInput={(e) => {
          const next = e.currentTarget.value;
          ours.current.add(displayRecipient(recipientFromText(next)));
          onText(next);
          refresh(next);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          asked.current++; // an answer still on its way must not reopen the list
          setOpen(false);
        }}
      />
      <span id={`${inputId}-hint`} class="sc-hint">
        {t("form_recipient_hint")}
      </span>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA combobox pattern: a listbox of options that keep no focus (aria-activedescendant) */}
      <ul id={listId} role="listbox" aria-label={t("form_recipient_suggestions")} class="sc-listbox" hidden={!open}>
        {open &&
          options.map((p, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox's input, which points at the option (aria-activedescendant)
            <li
              key={suggestionKey(p)}
              id={`${listId}-${i}`}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the combobox's listbox (ARIA combobox pattern)
              role="option"
              aria-selected={i === active ? "true" : "false"}
              class="sc-option"
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              {p.name}
              {(p.tin || p.npi) && (
                <span class="sc-option-ids">
                  {[p.tin && t("form_tin_value", p.tin), p.npi && t("form_npi_value", p.npi)].filter(Boolean).join(" · ")}
                </span>
              )}
              {p.acos && p.acos.length > 0 && (
                <span class="sc-option-acos" data-acos={p.acos.map((a) => a.acoId).join(" ")}>
                  {t(
                    "form_suggestion_acos",
                    p.acos
                      .map((a) => (a.program && a.program !== "other" ? `${a.acoName} (${t(key("program", a.program))})` : a.acoName))
                      .join("; "),
                  )}
                </span>
              )}
            </li>
          ))}
      </ul>
    </div>
  );
}

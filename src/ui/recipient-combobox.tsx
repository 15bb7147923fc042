/**
 * The recipient field: an editable combobox (WAI-ARIA 1.2 pattern, list autocomplete) that suggests ACO
 * participants by name, TIN or NPI and accepts any free text. Arrow keys move through suggestions, Enter
 * picks the highlighted one, Escape closes the list. Enter with nothing highlighted is left to the form
 * (which moves to the next field).
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import type { Participant, Recipient } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";

export type Suggest = (query: string) => Participant[];

/** Free text as a recipient: a bare 9-digit number is a TIN, a bare 10-digit number an NPI, anything else a name. */
export function recipientFromText(text: string): Pick<Recipient, "name" | "tin" | "npi"> {
  const trimmed = text.trim();
  const digits = trimmed.replace(/[\s-]/g, "");
  if (/^\d{9}$/.test(digits)) return { tin: digits };
  if (/^\d{10}$/.test(digits)) return { npi: digits };
  return trimmed ? { name: trimmed } : {};
}

export function displayRecipient(r: Pick<Recipient, "name" | "tin" | "npi">): string {
  return r.name ?? r.tin ?? r.npi ?? "";
}

type Props = {
  recipient: Pick<Recipient, "name" | "tin" | "npi">;
  onText: (text: string) => void;
  onPick: (participant: Participant) => void;
  suggest?: Suggest | undefined;
  autoFocus?: boolean | undefined;
};

export function RecipientCombobox({ recipient, onText, onPick, suggest, autoFocus }: Props) {
  const id = useId();
  const inputId = `${id}-recipient`;
  const listId = `${id}-recipient-list`;
  const [options, setOptions] = useState<Participant[]>([]);
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

  const refresh = (query: string): Participant[] => {
    const found = suggest && query.trim() ? suggest(query) : [];
    setOptions(found);
    setOpen(found.length > 0);
    setActive(-1);
    return found;
  };

  const pick = (p: Participant) => {
    ours.current.add(p.name);
    if (input.current) input.current.value = p.name;
    setOpen(false);
    setActive(-1);
    onPick(p);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open) {
        if (refresh(input.current?.value ?? "").length > 0) setActive(0);
        return;
      }
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
        onBlur={() => setOpen(false)}
      />
      <span id={`${inputId}-hint`} class="sc-hint">
        {t("form_recipient_hint")}
      </span>
      <ul id={listId} role="listbox" aria-label={t("form_recipient_suggestions")} class="sc-listbox" hidden={!open}>
        {open &&
          options.map((p, i) => (
            <li
              key={`${p.name}|${p.tin ?? ""}|${p.npi ?? ""}`}
              id={`${listId}-${i}`}
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
            </li>
          ))}
      </ul>
    </div>
  );
}

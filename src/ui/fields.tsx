/**
 * The form controls of the popup, the panel and the options page, each with its label: an input, a select with
 * its choices, a checkbox, a group of checkboxes and a group of radio buttons. One markup for each, so every
 * control is labelled the same way and styled by the same classes (theme.css).
 */
import type { ComponentChildren, InputHTMLAttributes } from "preact";
import "./theme.css";

/** One choice of a select or group: its value and what the user reads. */
export type Choice<V extends string> = { value: V; text: ComponentChildren };

/** The choices for a list of values, each with its text. */
export function choicesOf<V extends string>(values: readonly V[], text: (value: V) => ComponentChildren): Choice<V>[] {
  return values.map((value) => ({ value, text: text(value) }));
}

/** A first, empty choice ("Not sure", "None"): the question left open. */
export function noChoice(text: string): Choice<""> {
  return { value: "", text };
}

type InputFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: ComponentChildren;
  /** Shown under the input and tied to it (aria-invalid, aria-describedby) while set. */
  error?: string | undefined;
  /** More classes for the field box ("sc-narrow"). */
  fieldClass?: string;
};

/** A label and an input (text, number, search, file); the other props go to the input. */
export function InputField({ id, label, error, fieldClass, ...input }: InputFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div class={fieldClass ? `sc-field ${fieldClass}` : "sc-field"}>
      <label for={id}>{label}</label>
      <input
        {...input}
        id={id}
        aria-invalid={error ? "true" : input["aria-invalid"]}
        aria-describedby={error ? errorId : input["aria-describedby"]}
      />
      {error && (
        <span id={errorId} class="sc-error">
          {error}
        </span>
      )}
    </div>
  );
}

type SelectFieldProps<V extends string> = {
  id: string;
  label: ComponentChildren;
  value: V;
  choices: readonly Choice<V>[];
  disabled?: boolean | undefined;
  /** Shown under the select and tied to it (aria-invalid, aria-describedby) while set. */
  error?: string | undefined;
  /** The label is for assistive technology only, for a select in a table cell whose column names it: no field box. */
  labelHidden?: boolean;
  /** Shown after the select, inside the field (a locked note). */
  children?: ComponentChildren;
  onChange: (value: V) => void;
};

/** A label and a select. The select can only hold the values of its choices, so its value is read back as one. */
export function SelectField<V extends string>({
  id,
  label,
  value,
  choices,
  disabled,
  error,
  labelHidden,
  children,
  onChange,
}: SelectFieldProps<V>) {
  const errorId = `${id}-error`;
  const select = (
    <select
      id={id}
      value={value}
      disabled={disabled}
      aria-invalid={error ? "true" : undefined}
      aria-describedby={error ? errorId : undefined}
      onChange={(e) => onChange(e.currentTarget.value as V)}
    >
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.text}
        </option>
      ))}
    </select>
  );
  if (labelHidden) {
    return (
      <>
        <label class="sc-visually-hidden" for={id}>
          {label}
        </label>
        {select}
      </>
    );
  }
  return (
    <div class="sc-field">
      <label for={id}>{label}</label>
      {select}
      {error && (
        <span id={errorId} class="sc-error">
          {error}
        </span>
      )}
      {children}
    </div>
  );
}

type CheckFieldProps = {
  label: ComponentChildren;
  checked: boolean;
  disabled?: boolean | undefined;
  /** On a line of its own rather than beside its neighbours. */
  block?: boolean;
  onChange: (checked: boolean) => void;
};

/** A checkbox inside its label. */
export function CheckField({ label, checked, disabled, block, onChange }: CheckFieldProps) {
  return (
    <label class={block ? "sc-check sc-block" : "sc-check"}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

type GroupProps<V extends string> = {
  legend: ComponentChildren;
  choices: readonly Choice<V>[];
  disabled?: boolean | undefined;
  /** Shown under the legend (a locked note). */
  children?: ComponentChildren;
};

/** A fieldset of checkboxes, one per choice, for a set of values. */
export function CheckGroup<V extends string>({
  legend,
  choices,
  checked,
  disabled,
  children,
  onToggle,
}: GroupProps<V> & {
  checked: readonly V[];
  onToggle: (value: V, on: boolean) => void;
}) {
  return (
    <fieldset class="sc-fieldset" disabled={disabled}>
      <legend class="sc-legend">{legend}</legend>
      {children}
      <div class="sc-checks">
        {choices.map((c) => (
          <CheckField key={c.value} label={c.text} checked={checked.includes(c.value)} onChange={(on) => onToggle(c.value, on)} />
        ))}
      </div>
    </fieldset>
  );
}

/** A fieldset of radio buttons, one per choice, each on its own line. */
export function RadioGroup<V extends string>({
  name,
  legend,
  choices,
  value,
  disabled,
  children,
  onChange,
}: GroupProps<V> & {
  name: string;
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset class="sc-fieldset" disabled={disabled}>
      <legend class="sc-legend">{legend}</legend>
      {children}
      {choices.map((c) => (
        <label class="sc-check sc-block" key={c.value}>
          <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} />
          {c.text}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Flood safety: how many actions ShareCheck holds at once, whoever started them.
 *
 * The rule for script-generated activations (untrusted events, and submits a script's click causes)
 * is the clinician's rule: an activation of an action control is held and checked, never let
 * through unchecked. The limits below keep a page that fires thousands of them from piling up
 * panels or freezing itself:
 * - one held action per control: a further activation of a control whose action is being decided
 *   is stopped (not sent); the clinician's own click brings its panel forward;
 * - at most MAX_HELD_PER_PAGE held actions per page: activations beyond that are stopped;
 * - script never takes over: while any action is held, a script-generated activation of another
 *   action control is stopped instead of replacing the check on screen.
 * A stopped activation is dropped, not queued: nothing it asked for leaves.
 */
export const MAX_HELD_PER_PAGE = 3;

export type Admission = "hold" | "control-busy" | "page-full" | "script-while-held";

export function createHoldLimit(max = MAX_HELD_PER_PAGE) {
  /** Held controls, and the forms they submit (a script's requestSubmit() on that form is the same action). */
  const held = new Map<Element, Element>();
  const forms = new Map<Element, number>();

  const formOf = (control: Element): Element | null => (control as HTMLButtonElement).form ?? control.closest("form");

  return {
    /**
     * The held control an event is about, found before anything is classified: a flood on one control
     * costs a walk of the event's path. A submit with no submitter counts for the held control's form.
     */
    heldFor(event: Event): Element | undefined {
      if (held.size === 0) return undefined;
      if (event.type === "submit") {
        const submitter = (event as SubmitEvent).submitter;
        if (submitter) return held.get(submitter);
        return forms.has(event.target as Element) ? (event.target as Element) : undefined;
      }
      for (const node of event.composedPath()) {
        const control = held.get(node as Element);
        if (control) return control;
      }
      return undefined;
    },
    admit(control: Element, trusted: boolean): Admission {
      if (held.has(control)) return "control-busy";
      if (held.size >= max) return "page-full";
      if (!trusted && held.size > 0) return "script-while-held";
      return "hold";
    },
    has(control: Element): boolean {
      return held.has(control);
    },
    add(control: Element): void {
      if (held.has(control)) return;
      held.set(control, control);
      const form = formOf(control);
      if (form) forms.set(form, (forms.get(form) ?? 0) + 1);
    },
    delete(control: Element): void {
      if (!held.delete(control)) return;
      const form = formOf(control);
      if (!form) return;
      const left = (forms.get(form) ?? 1) - 1;
      if (left > 0) forms.set(form, left);
      else forms.delete(form);
    },
    get size(): number {
      return held.size;
    },
  };
}
export type HoldLimit = ReturnType<typeof createHoldLimit>;

/**
 * Keeps the list of action controls current as the page changes: single-page apps, menus that render
 * their items when opened, frameworks that replace nodes, text that changes.
 *
 * Design:
 * - One MutationObserver per tree (the document and each open shadow root). Records only queue nodes;
 *   the work happens in one batch per idle period (requestIdleCallback with a 100 ms timeout, or a
 *   16 ms timer), so a page that churns a thousand nodes every 100 ms costs one walk of what was added.
 * - Shadow roots inside added subtrees are found during the batch walk and observed from then on.
 *   A shadow root attached to a host that is already in the page produces no mutation; those are found
 *   (a) by `noteEvent`, which the content script calls with the events it already listens to (pointer,
 *   focus, click: their composed path names every shadow root they cross), and (b) by `watchShadowRoot`
 *   for code that knows of one. Detection at click time never depends on this: findActionControl reads
 *   the event's composed path.
 * - Each control is reported again only when its kind or label changes.
 * - Everything stops on `signal` abort: observers disconnected, pending batch cancelled, no more callbacks.
 */
import type { SiteAdapter } from "./adapters/schema.ts";
import { classifyWith, isControlElement } from "./classify.ts";
import { DOCUMENT_NODE, ELEMENT_NODE, FRAGMENT_NODE, isElement, isShadowRoot, TEXT_NODE } from "./dom.ts";
import { eventPath } from "./find-control.ts";
import { collectControls, MAX_CLASSIFIED, type Candidate } from "./scan.ts";

export const OBSERVED_ATTRIBUTES = ["aria-label", "aria-labelledby", "title", "role", "value", "hidden"];
const OBSERVER_OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: OBSERVED_ATTRIBUTES,
};
/** Queued nodes beyond this mean a burst: the next batch rescans the whole document instead. */
const MAX_PENDING = 5_000;
/** Ancestors climbed from changed text to the control it names. */
const MAX_CONTROL_CLIMB = 8;

export interface BatchHandlerOptions {
  adapter?: SiteAdapter;
  /** Called for each open shadow root found inside processed subtrees. */
  onShadowRoot?(root: ShadowRoot): void;
}

/**
 * Processes one batch: `added` subtrees are walked (elements, documents, shadow roots); `changed` nodes
 * (text, or elements whose name attributes changed) re-classify the control they belong to.
 * Returns the controls that are new or whose kind or label changed since this handler last reported them.
 */
export type BatchHandler = (added: Iterable<Node>, changed?: Iterable<Node>) => Candidate[];

export function createBatchHandler(options: BatchHandlerOptions = {}): BatchHandler {
  const reported = new WeakMap<Element, string>();
  const seenShadows = new WeakSet<ShadowRoot>();
  return (added, changed = []) => {
    const controls = new Set<Element>();
    try {
      for (const node of added) {
        if (controls.size >= MAX_CLASSIFIED) break;
        if (node.nodeType === TEXT_NODE) addOwningControl(node, controls);
        else if (node.nodeType === ELEMENT_NODE || node.nodeType === DOCUMENT_NODE || node.nodeType === FRAGMENT_NODE) {
          if (!node.isConnected) continue; // Added and removed again before we looked.
          for (const el of collectControls(node, options.adapter, seenShadows, options.onShadowRoot)) controls.add(el);
        }
      }
      for (const node of changed) {
        if (controls.size >= MAX_CLASSIFIED) break;
        addOwningControl(node, controls);
      }
    } catch {
      // Report what was gathered before the failure.
    }
    const found: Candidate[] = [];
    for (const element of controls) {
      const result = classifyWith(element, options.adapter);
      if (!result) {
        reported.delete(element);
        continue;
      }
      const key = `${result.kind}\u0000${result.label}`;
      if (reported.get(element) === key) continue;
      reported.set(element, key);
      found.push({ element, ...result });
    }
    return found;
  };
}

/** The control a changed node belongs to: itself, or the nearest control ancestor (text inside a button). */
function addOwningControl(node: Node, controls: Set<Element>): void {
  let el: Element | null = isElement(node) ? node : node.parentElement;
  for (let i = 0; el && i < MAX_CONTROL_CLIMB; i++, el = el.parentElement) {
    if (isControlElement(el)) {
      controls.add(el);
      return;
    }
  }
  // An aria-label on an element that is not (inside) a control can still make it one via role changes.
  if (isElement(node)) controls.add(node);
}

export interface ActionObserver {
  /** Observe a shadow root found by other means and scan it. */
  watchShadowRoot(root: ShadowRoot): void;
  /** Give the observer an event's composed path: any open shadow root it crosses is watched and scanned. */
  noteEvent(event: Event): void;
  /** Process the queued mutations now instead of at the next idle period. */
  flush(): void;
}

export interface ObserveOptions {
  adapter?: SiteAdapter;
  /** Report the controls already in the document in the first batch (default true). */
  initialScan?: boolean;
}

type IdleWindow = Window & typeof globalThis;

export function observeActions(
  root: Document,
  onActions: (added: Candidate[]) => void,
  signal: AbortSignal,
  options: ObserveOptions = {},
): ActionObserver {
  const inert: ActionObserver = { watchShadowRoot() {}, noteEvent() {}, flush() {} };
  if (signal.aborted) return inert;
  const win = (root.defaultView ?? globalThis) as IdleWindow;
  const observers: MutationObserver[] = [];
  const observed = new Set<Node>();
  let added = new Set<Node>();
  let changed = new Set<Node>();
  let rescan = options.initialScan !== false;
  let scheduled: { cancel(): void } | null = null;
  let stopped = false;

  const handle = createBatchHandler({ adapter: options.adapter, onShadowRoot: observe });

  function observe(tree: Document | ShadowRoot): void {
    if (stopped || observed.has(tree)) return;
    try {
      const observer = new win.MutationObserver(onRecords);
      observer.observe(tree, OBSERVER_OPTIONS);
      observers.push(observer);
      observed.add(tree);
    } catch {
      // A tree we cannot observe is still scanned on demand.
    }
  }

  function onRecords(records: MutationRecord[]): void {
    if (stopped || rescan) return;
    for (const record of records) {
      if (record.type === "childList") {
        record.addedNodes.forEach((node) => added.add(node));
      } else if (record.type === "attributes" && record.attributeName === "hidden") {
        // A container shown by removing `hidden` (a menu opening): its content is new to the person.
        added.add(record.target);
      } else {
        changed.add(record.target);
      }
    }
    if (added.size + changed.size > MAX_PENDING) {
      rescan = true;
      added = new Set();
      changed = new Set();
    }
    schedule();
  }

  function schedule(): void {
    if (scheduled || stopped) return;
    if (typeof win.requestIdleCallback === "function") {
      const id = win.requestIdleCallback(flush, { timeout: 100 });
      scheduled = { cancel: () => win.cancelIdleCallback(id) };
    } else {
      const id = win.setTimeout(flush, 16);
      scheduled = { cancel: () => win.clearTimeout(id) };
    }
  }

  function flush(): void {
    scheduled?.cancel();
    scheduled = null;
    if (stopped) return;
    const batchAdded: Iterable<Node> = rescan ? [root] : added;
    const batchChanged = rescan ? [] : changed;
    rescan = false;
    added = new Set();
    changed = new Set();
    const found = handle(batchAdded, batchChanged);
    if (found.length === 0 || stopped) return;
    try {
      onActions(found);
    } catch {
      // The consumer's failure is its own; observation goes on.
    }
  }

  function watchShadowRoot(shadow: ShadowRoot): void {
    if (stopped || observed.has(shadow)) return;
    observe(shadow);
    added.add(shadow);
    schedule();
  }

  function noteEvent(event: Event): void {
    try {
      for (const node of eventPath(event)) if (isShadowRoot(node)) watchShadowRoot(node);
    } catch {
      // Nothing to learn from this event.
    }
  }

  function stop(): void {
    stopped = true;
    scheduled?.cancel();
    scheduled = null;
    for (const observer of observers) observer.disconnect();
    observers.length = 0;
    added = new Set();
    changed = new Set();
  }

  signal.addEventListener("abort", stop, { once: true });
  observe(root);
  if (rescan) schedule();
  return { watchShadowRoot, noteEvent, flush };
}

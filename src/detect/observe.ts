/**
 * Keeps the list of action controls current as the page changes: single-page apps, menus that render
 * their items when opened, frameworks that replace nodes, text that changes.
 *
 * Design:
 * - One MutationObserver per tree (the document and each open shadow root). Records only queue their
 *   node lists; mutations gather for a while (150 ms, doubling up to 1 s while the page keeps changing),
 *   then one batch runs at idle time (requestIdleCallback, 100 ms timeout). The batch walks only the
 *   top-most added subtrees still in the page, with the adapter's selectors as one list per subtree, so
 *   a page that adds and removes a thousand nodes every 100 ms costs about one walk of what is still
 *   there each second, not a walk of every node it ever added.
 * - A page that never stops changing (the wait has reached its cap) is sampled instead of followed:
 *   the observers disconnect for SAMPLE_MS, then reconnect and rescan every observed tree, and
 *   disconnect again at the first addition after that. A MutationObserver on a churning subtree costs
 *   the page even when its callback does nothing (the browser records every removed node for it), so
 *   this is the only way its cost stays near zero; a control that appears meanwhile is reported within
 *   about SAMPLE_MS, and controls seen before are not classified again unless their text or name
 *   attributes changed.
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
const MAX_PENDING = 20_000;
/**
 * How long mutations gather into one batch before it waits for idle time. Nodes a page adds and
 * removes within this window are never walked (churning lists, tickers); a control that appears is
 * still reported within a few hundred ms, and the click path never waits for this.
 */
const COALESCE_MS = 150;
const MAX_COALESCE_MS = 1_000;
/** A batch within this long after the previous one's window means the page keeps changing. */
const QUIET_MS = 250;
/** Observers off this long at a time while the page keeps changing (see the design notes). */
const SAMPLE_MS = 2_000;
/** After a pause, an addition this soon means the page still churns. */
const PROBE_MS = 500;
const IDLE_TIMEOUT_MS = 100;
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
  // What each walked control looked like when last classified: a rescan skips those unchanged.
  const looked = new WeakMap<Element, string>();
  const seenShadows = new WeakSet<ShadowRoot>();
  return (added, changed = []) => {
    const controls = new Set<Element>();
    try {
      const texts: Node[] = [];
      const roots = topMostRoots(added, texts);
      if (roots.length) {
        for (const el of collectControls(roots, options.adapter, seenShadows, options.onShadowRoot)) {
          const look = appearance(el);
          if (look !== undefined && looked.get(el) === look) continue;
          if (look !== undefined) looked.set(el, look);
          controls.add(el);
        }
      }
      for (const text of texts) addOwningControl(text, controls);
      for (const node of changed) {
        if (controls.size >= MAX_CLASSIFIED) break;
        addOwningControl(node, controls);
      }
    } catch {
      // Report what was gathered before the failure.
    }
    const found: Candidate[] = [];
    let classified = 0;
    for (const element of controls) {
      if (++classified > MAX_CLASSIFIED) break;
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

/**
 * What classification reads of a control itself: its text and the attributes that name it. Undefined
 * (always classify) for a long text, where comparing would cost about as much as classifying.
 */
function appearance(el: Element): string | undefined {
  const text = el.textContent ?? "";
  if (text.length > 200) return undefined;
  let look = text;
  for (const name of OBSERVED_ATTRIBUTES) look += `\u0000${el.getAttribute(name) ?? ""}`;
  return look;
}

/**
 * The added subtrees worth walking: connected ones (a churning page adds and removes nodes before the
 * batch runs), each once, and not when an ancestor is walked anyway. Added text goes to `texts`, to
 * find the control it names. Siblings share their parent's answer, so a thousand rows added to one list climb once.
 */
function topMostRoots(added: Iterable<Node>, texts: Node[]): Node[] {
  const candidates = new Set<Node>();
  for (const node of added) {
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      if (node.isConnected) texts.push(node);
    } else if ((type === ELEMENT_NODE || type === DOCUMENT_NODE || type === FRAGMENT_NODE) && node.isConnected) {
      candidates.add(node);
    }
  }
  if (candidates.size < 2) return [...candidates];
  // For each ancestor met: is it (inside) an added subtree?
  const covered = new Map<Node, boolean>();
  const roots: Node[] = [];
  for (const node of candidates) {
    const path: Node[] = [];
    let inside = false;
    for (let up = node.parentNode; up; up = up.parentNode) {
      const known = covered.get(up);
      if (known !== undefined) {
        inside = known;
        break;
      }
      if (candidates.has(up)) {
        inside = true;
        break;
      }
      path.push(up);
    }
    for (const up of path) covered.set(up, inside);
    if (!inside) roots.push(node);
  }
  return roots;
}

/** What was added to one parent since the last batch: the observer's node lists, and how many nodes they hold. */
interface Additions {
  lists: Array<ArrayLike<Node>>;
  count: number;
}

/**
 * The batch's added subtrees: the queued nodes still in the page, and parents to walk whole. A parent
 * that has left the page is dropped without touching its nodes (any of them moved elsewhere since was
 * recorded again under its new parent). A parent that was given more nodes than it now holds (a list
 * that churns: add a thousand, remove them, add a thousand more) is walked once instead: what is still
 * in it is all of its recorded nodes that are still there, and fewer to touch than the recorded ones.
 * Such a parent also goes to `owners`, so text that changed inside a control is read again.
 */
function stillThere(byParent: ReadonlyMap<Node | null, Additions>, owners: Node[]): Node[] {
  const nodes: Node[] = [];
  for (const [parent, { lists, count }] of byParent) {
    if (parent && !parent.isConnected) continue;
    if (parent && count > parent.childNodes.length) {
      nodes.push(parent);
      owners.push(parent);
      continue;
    }
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const node = list[i]!;
        if (node.isConnected) nodes.push(node);
      }
    }
  }
  return nodes;
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
  const observed = new Set<Document | ShadowRoot>();
  // Whole NodeLists, not their nodes: the observer callback stays O(records) however many nodes a record adds.
  let added = new Map<Node | null, Additions>();
  let pending = 0;
  let changed = new Set<Node>();
  let rescan = options.initialScan !== false;
  let scheduled: { immediate: boolean; cancel(): void } | null = null;
  let window_ = COALESCE_MS;
  let lastBatchAt = -Infinity;
  let stopped = false;
  /** Observers disconnected while the page keeps changing (a timer reconnects them). */
  let paused: number | undefined;
  /** Until then (just reconnected after a pause), an addition means the page still churns. */
  let probeUntil = -Infinity;

  const handle = createBatchHandler({ adapter: options.adapter, onShadowRoot: observe });

  function observe(tree: Document | ShadowRoot): void {
    if (stopped || observed.has(tree)) return;
    observed.add(tree);
    if (paused === undefined) connect(tree);
  }

  function connect(tree: Document | ShadowRoot): void {
    try {
      const observer = new win.MutationObserver(onRecords);
      observer.observe(tree, OBSERVER_OPTIONS);
      observers.push(observer);
    } catch {
      // A tree we cannot observe is still scanned on demand.
    }
  }

  function disconnect(): void {
    for (const observer of observers) observer.disconnect();
    observers.length = 0;
  }

  /** The page keeps changing: stop following it, and sample it after SAMPLE_MS. */
  function pause(): void {
    if (stopped || paused !== undefined) return;
    disconnect();
    probeUntil = -Infinity;
    added = new Map();
    pending = 0;
    changed = new Set();
    scheduled?.cancel();
    scheduled = null;
    paused = win.setTimeout(resume, SAMPLE_MS);
  }

  function resume(): void {
    paused = undefined;
    if (stopped) return;
    for (const tree of observed) connect(tree);
    rescan = true;
    flush();
    window_ = COALESCE_MS;
    probeUntil = win.performance.now() + PROBE_MS;
  }

  function onRecords(records: MutationRecord[]): void {
    if (stopped) return;
    if (win.performance.now() < probeUntil && records.some((record) => record.type === "childList" && record.addedNodes.length > 0)) return pause();
    if (rescan) return;
    for (const record of records) {
      if (record.type === "childList") {
        if (record.addedNodes.length === 0) continue;
        queue(record.target, record.addedNodes);
      } else if (record.type === "attributes" && record.attributeName === "hidden") {
        // A container shown by removing `hidden` (a menu opening): its content is new to the person.
        queue(null, [record.target]);
      } else {
        changed.add(record.target);
      }
    }
    if (pending + changed.size > MAX_PENDING) {
      rescan = true;
      added = new Map();
      pending = 0;
      changed = new Set();
    }
    if (pending + changed.size > 0 || rescan) schedule();
  }

  /**
   * Waits (mutations meanwhile join the batch), then for an idle period. The wait doubles, up to
   * MAX_COALESCE_MS, while batches follow each other (a page that keeps changing), and is back to
   * COALESCE_MS once the page has been quiet for a while.
   */
  function queue(parent: Node | null, nodes: ArrayLike<Node>): void {
    const entry = added.get(parent);
    if (entry) {
      entry.lists.push(nodes);
      entry.count += nodes.length;
    } else {
      added.set(parent, { lists: [nodes], count: nodes.length });
    }
    pending += nodes.length;
  }

  function schedule(immediately = false): void {
    if (stopped || (scheduled && (scheduled.immediate || !immediately))) return;
    scheduled?.cancel();
    const sinceLast = win.performance.now() - lastBatchAt;
    window_ = sinceLast < window_ + QUIET_MS ? Math.min(window_ * 2, MAX_COALESCE_MS) : COALESCE_MS;
    const wait = immediately ? 0 : window_;
    let idle: number | undefined;
    const timer = win.setTimeout(() => {
      if (typeof win.requestIdleCallback === "function") idle = win.requestIdleCallback(flush, { timeout: IDLE_TIMEOUT_MS });
      else flush();
    }, wait);
    scheduled = {
      immediate: immediately,
      cancel: () => {
        win.clearTimeout(timer);
        if (idle !== undefined) win.cancelIdleCallback(idle);
      },
    };
  }

  function flush(): void {
    scheduled?.cancel();
    scheduled = null;
    if (stopped) return;
    const now = win.performance.now();
    // Reached the cap: batches have followed each other for a couple of seconds.
    const churning = window_ >= MAX_COALESCE_MS && now - lastBatchAt < window_ + QUIET_MS;
    lastBatchAt = now;
    const owners: Node[] = [];
    // Shadow roots already walked are skipped by the walk, so a rescan names each observed tree.
    const batchAdded: Iterable<Node> = rescan ? [...observed].filter((tree) => tree.isConnected) : stillThere(added, owners);
    const batchChanged = rescan ? [] : [...changed, ...owners];
    rescan = false;
    added = new Map();
    pending = 0;
    changed = new Set();
    const found = handle(batchAdded, batchChanged);
    if (churning) pause();
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
    queue(null, [shadow]);
    // Met through an event, usually a pointer about to click: no coalescing wait.
    schedule(true);
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
    if (paused !== undefined) win.clearTimeout(paused);
    paused = undefined;
    disconnect();
    added = new Map();
    pending = 0;
    changed = new Set();
  }

  signal.addEventListener("abort", stop, { once: true });
  observe(root);
  // The controls already there are warmed as soon as the page is idle.
  if (rescan) schedule(true);
  return { watchShadowRoot, noteEvent, flush };
}

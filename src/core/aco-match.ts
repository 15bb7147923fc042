/**
 * ACO matching (rules/README.md, "ACO matching"): the profile's participant lists indexed
 * once by NPI, TIN, Direct address and domain, fax number, normalised name and alias, so matching
 * a recipient is a few map look-ups per key whatever the list size.
 */
import { IdTable } from "./id-table.ts";
import { aliasKey, aliasKind, directAddressKey, faxKey, npiKey, tinKey } from "./match-keys.ts";
import { nameParts, normaliseName } from "./name-key.ts";
import { type IndexSlot, withOrder } from "./index-slot.ts";
import { NameTable } from "./name-table.ts";
import type { AcoMatch, AcoProgram, MatchedBy, OrgProfileInput, Participant, Recipient } from "./schema.ts";

// Where src/import has always found them; new code imports them from src/core/index.ts.
export { normaliseName } from "./name-key.ts";
export { npiKey, tinKey } from "./match-keys.ts";

/**
 * An ACO as the index knows it. The matching walk numbers the ACO entity `start` and its
 * participants `start + 1` on, in list order; the next ACO starts after them.
 */
export interface IndexedAco {
  /** The ACO's position in the profile. */
  readonly position: number;
  readonly id: string;
  readonly name: string;
  readonly program: AcoProgram | undefined;
  readonly start: number;
  readonly participants: readonly Participant[];
}

/** One participant (or, in byAcoName, one ACO entity) found in the index. */
interface IndexEntry {
  readonly aco: IndexedAco;
  /** The position in the matching walk: ACOs in profile order, participants in list order. */
  readonly order: number;
  /** The participant as stored; undefined for an ACO entity. */
  readonly participant: Participant | undefined;
}

export type { IndexSlot } from "./index-slot.ts";

/** What a key kind's table offers: a Map for addresses, an IdTable for numbers, a NameTable for names. */
interface SlotTable<K> {
  get(key: K): IndexSlot | undefined;
  readonly size: number;
}

export interface AcoIndex {
  readonly byNpi: SlotTable<number>;
  readonly byTin: SlotTable<number>;
  /** Full Direct addresses among the aliases, lower-cased. */
  readonly byDirectAddress: SlotTable<string>;
  /** Whole Direct domains among the aliases (`@domain`), lower-cased, without the @. */
  readonly byDirectDomain: SlotTable<string>;
  /** Phone-number aliases by their 10 digits. */
  readonly byFax: SlotTable<number>;
  /** Participants' normalised names. */
  readonly byName: SlotTable<string>;
  /** Name aliases (not addresses or numbers), normalised. */
  readonly byAlias: SlotTable<string>;
  /** ACO entities by normalised ACO name, for a recipient of type "aco". */
  readonly byAcoName: SlotTable<string>;
  /** How many participants were indexed. */
  readonly participants: number;
  /** The ACOs in profile order. */
  readonly acos: readonly IndexedAco[];
}

/** The recipient fields matching reads; `type` absent is a participant (not an ACO entity). */
export type MatchableRecipient = Partial<
  Pick<Recipient, "type" | "name" | "organization" | "npi" | "tin" | "directAddress" | "fax" | "inSameAco">
>;

export interface RecipientMatch {
  /** The first hit in key order (NPI, TIN, Direct, fax, name keys); undefined when none or matching is skipped. */
  match: (AcoMatch & { matchedBy: MatchedBy }) | undefined;
  /** An NPI or TIN was given but cannot be right, so it was not used. */
  invalidIdentifier: boolean;
}

/** One ACO the recipient belongs to, and why ShareCheck thinks so. */
export interface AcoMembership {
  acoId: string;
  acoName: string;
  program: AcoProgram | undefined;
  /** The participant's name as stored (for an ACO entity, the ACO's name). */
  participant: string;
  matchedBy: MatchedBy;
  /** What the list holds that matched: the NPI or TIN as stored, the alias, or the participant's name. */
  listed: string;
  /** What of the recipient matched it: the identifier, address, fax or name (part) as given. */
  given: string;
}

export const INVALID_IDENTIFIER_CAUTION = "The NPI/TIN given is not valid and was not used to match the ACO list.";

type Kind = "npi" | "tin" | "address" | "domain" | "fax" | "name" | "alias" | "aco";

const MATCHED_BY: Readonly<Record<Kind, MatchedBy>> = {
  npi: "npi",
  tin: "tin",
  address: "direct",
  domain: "direct",
  fax: "fax",
  name: "name",
  alias: "alias",
  aco: "name",
};

/** Files `order` under a key in a Map (Direct addresses, domains and fax numbers among the aliases: a few thousand at most). */
function put<K>(table: Map<K, IndexSlot>, key: K, order: number, acoEnd: number): void {
  table.set(key, withOrder(table.get(key), order, acoEnd));
}

/** The walk's entry at `order`. */
function entryAt(index: AcoIndex, order: number): IndexEntry {
  const acos = index.acos;
  let low = 0;
  let high = acos.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (acos[mid]!.start <= order) low = mid;
    else high = mid - 1;
  }
  const aco = acos[low]!;
  return { aco, order, participant: order === aco.start ? undefined : aco.participants[order - aco.start - 1] };
}

function entriesOf(index: AcoIndex, slot: IndexSlot): IndexEntry[] {
  return typeof slot === "number" ? [entryAt(index, slot)] : slot.map((order) => entryAt(index, order));
}

function head(slot: IndexSlot | undefined): number | undefined {
  return slot === undefined || typeof slot === "number" ? slot : slot[0];
}

/** The index's tables while it is built. */
interface Tables {
  readonly byNpi: IdTable;
  readonly byTin: IdTable;
  readonly byFax: Map<number, IndexSlot>;
  readonly byDirectAddress: Map<string, IndexSlot>;
  readonly byDirectDomain: Map<string, IndexSlot>;
  readonly byName: NameTable;
  readonly byAlias: NameTable;
}

/**
 * Files one participant under each of its keys. A function of its own, not the body of the build's
 * inner loop: an engine that compiles a hot inner loop on the fly drops that code each time the loop
 * ends (once per ACO) and runs the next ACO's participants unoptimised; a function stays compiled.
 */
function fileParticipant(tables: Tables, p: Participant, order: number, end: number): void {
  const npi = npiKey(p.npi);
  if (npi !== undefined) tables.byNpi.put(npi, order, end);
  const tin = tinKey(p.tin);
  if (tin !== undefined) tables.byTin.put(tin, order, end);
  if (p.aliases) {
    for (const alias of p.aliases) {
      const kind = aliasKind(alias);
      if (kind === "name") {
        tables.byAlias.put(alias, order, end);
        continue;
      }
      const k = aliasKey(alias, kind);
      if (k.kind === "address") put(tables.byDirectAddress, k.address, order, end);
      else if (k.kind === "domain") put(tables.byDirectDomain, k.domain, order, end);
      else if (k.kind === "phone") put(tables.byFax, k.fax, order, end);
    }
  }
  tables.byName.put(p.name, order, end);
}

/**
 * Builds the index. Participant NPIs and TINs that cannot be right are left out, as the
 * recipient's would be; aliases are sorted into Direct addresses, Direct domains, phone numbers
 * and names (rules/README.md, "ACO matching").
 */
export function buildAcoIndex(profile: Pick<OrgProfileInput, "acos">): AcoIndex {
  let participants = 0;
  let aliases = 0;
  for (const aco of profile.acos) {
    participants += aco.participants.length;
    for (const p of aco.participants) aliases += p.aliases?.length ?? 0;
  }
  const tables: Tables = {
    byNpi: new IdTable(participants),
    byTin: new IdTable(participants),
    byFax: new Map(),
    byDirectAddress: new Map(),
    byDirectDomain: new Map(),
    byName: new NameTable(participants),
    byAlias: new NameTable(aliases),
  };
  const byAcoName = new NameTable(profile.acos.length);
  const acos: IndexedAco[] = [];
  let start = 0;
  for (const [position, input] of profile.acos.entries()) {
    acos.push({ position, id: input.id, name: input.name, program: input.program, start, participants: input.participants });
    start += 1 + input.participants.length;
  }
  for (let a = acos.length - 1; a >= 0; a--) {
    const aco = acos[a]!;
    const end = aco.start + 1 + aco.participants.length;
    for (let i = aco.participants.length - 1; i >= 0; i--) fileParticipant(tables, aco.participants[i]!, aco.start + 1 + i, end);
    byAcoName.put(aco.name, aco.start, end);
  }
  return { ...tables, byAcoName, participants, acos };
}

/**
 * What an edit in place of the ACO lists changes, read in a few steps per ACO (not per participant): each ACO
 * and its participant list by identity, and its id, name and list length. A list edited in place (a participant
 * pushed, spliced out or the list replaced) must never be answered from the index of what it was: a
 * participant who has left would still match.
 */
function listShape(acos: readonly unknown[]): unknown[] {
  const shape: unknown[] = [acos.length];
  // Read defensively: a list edited in place is not validated yet.
  for (const aco of acos as ReadonlyArray<Partial<OrgProfileInput["acos"][number]> | null>)
    shape.push(aco, aco?.id, aco?.name, aco?.participants, aco?.participants?.length);
  return shape;
}

const sameShape = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, i) => item === b[i]);

const indexes = new WeakMap<object, { shape: unknown[]; index: AcoIndex }>();

/** The index built for these ACO lists, if they still have the shape it was built from. */
export function cachedAcoIndex(profile: Pick<OrgProfileInput, "acos">): AcoIndex | undefined {
  const cached = indexes.get(profile.acos);
  return cached && sameShape(cached.shape, listShape(profile.acos)) ? cached.index : undefined;
}

/**
 * The index of a profile's ACO lists, built once per `acos` array and kept while the array lives and keeps
 * its shape (listShape): replace or edit the lists and it is built afresh. A participant's own fields edited
 * in place are not seen; replace the participant instead.
 */
export function acoIndexOf(profile: Pick<OrgProfileInput, "acos">): AcoIndex {
  const cached = cachedAcoIndex(profile);
  if (cached) return cached;
  const index = buildAcoIndex(profile);
  indexes.set(profile.acos, { shape: listShape(profile.acos), index });
  return index;
}

/** One look-up: the recipient's key, who has it in the index, and what the recipient gave. */
interface Lookup {
  readonly kind: Kind;
  readonly key: string | number;
  readonly slot: IndexSlot | undefined;
  readonly given: string;
}

function given(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/**
 * Calls `visit` with the recipient's keys in matching order, each a list of look-ups that count as one
 * key (a Direct address is looked up as an address and by its domain; a name key against names
 * and aliases), until `visit` returns true. The name parts are only split when every key before
 * them was visited without stopping.
 */
function visitKeys(index: AcoIndex, r: MatchableRecipient, visit: (lookups: readonly Lookup[]) => boolean): void {
  if (r.type === "aco") {
    const name = normaliseName(r.name);
    if (name) visit([{ kind: "aco", key: name, slot: index.byAcoName.get(name), given: r.name! }]);
    return;
  }
  const npi = npiKey(r.npi);
  if (npi !== undefined && visit([{ kind: "npi", key: npi, slot: index.byNpi.get(npi), given: r.npi! }])) return;
  const tin = tinKey(r.tin);
  if (tin !== undefined && visit([{ kind: "tin", key: tin, slot: index.byTin.get(tin), given: r.tin! }])) return;
  const raw = given(r.directAddress) ? r.directAddress : r.name;
  const direct = directAddressKey(raw);
  if (
    direct &&
    visit([
      { kind: "address", key: direct.address, slot: index.byDirectAddress.get(direct.address), given: raw!.trim() },
      { kind: "domain", key: direct.domain, slot: index.byDirectDomain.get(direct.domain), given: raw!.trim() },
    ])
  ) {
    return;
  }
  const fax = faxKey(r.fax);
  if (fax !== undefined && visit([{ kind: "fax", key: fax, slot: index.byFax.get(fax), given: r.fax! }])) return;
  const visitName = (text: string): boolean => {
    const key = normaliseName(text);
    return (
      key !== "" &&
      visit([
        { kind: "name", key, slot: index.byName.get(key), given: text.trim() },
        { kind: "alias", key, slot: index.byAlias.get(key), given: text.trim() },
      ])
    );
  };
  if (r.name !== undefined && visitName(r.name)) return;
  if (r.organization !== undefined && visitName(r.organization)) return;
  if (r.name === undefined) return;
  const parts = nameParts(r.name);
  if (parts.length < 2) return; // the one part is the whole name, already tried
  for (const part of parts) if (visitName(part)) return;
}

/** The first hit of one key: the earliest entry in the walk; at one participant, its name before its aliases. */
function firstHit(index: AcoIndex, lookups: readonly Lookup[]): { entry: IndexEntry; lookup: Lookup } | undefined {
  let best: { order: number; lookup: Lookup } | undefined;
  for (const lookup of lookups) {
    const order = head(lookup.slot);
    if (order !== undefined && (best === undefined || order < best.order)) best = { order, lookup };
  }
  return best && { entry: entryAt(index, best.order), lookup: best.lookup };
}

function toMatch(entry: IndexEntry, kind: Kind): AcoMatch & { matchedBy: MatchedBy } {
  return {
    acoId: entry.aco.id,
    acoName: entry.aco.name,
    participant: entry.participant?.name ?? entry.aco.name,
    matchedBy: MATCHED_BY[kind],
  };
}

/** Whether the recipient carries an NPI or TIN that cannot be right (and so is never used). */
export function hasInvalidIdentifier(recipient: Pick<Recipient, "npi" | "tin">): boolean {
  return (given(recipient.npi) && npiKey(recipient.npi) === undefined) || (given(recipient.tin) && tinKey(recipient.tin) === undefined);
}

/**
 * Matches a recipient against the index: the first key in order that hits anything decides,
 * and for it the first ACO in profile order and the first participant in list order.
 * `inSameAco: false` is the caller's answer and skips matching. A recipient of type "aco" is the
 * ACO entity itself, matched by the ACO's name only (it is not one of its own participants).
 */
export function matchRecipient(index: AcoIndex, recipient: MatchableRecipient): RecipientMatch {
  const invalidIdentifier = hasInvalidIdentifier(recipient);
  if (recipient.inSameAco === false) return { match: undefined, invalidIdentifier };
  let match: RecipientMatch["match"];
  visitKeys(index, recipient, (lookups) => {
    const hit = firstHit(index, lookups);
    if (hit) match = toMatch(hit.entry, hit.lookup.kind);
    return hit !== undefined;
  });
  return { match, invalidIdentifier };
}

/** The list's value that a look-up hit: the identifier as stored, the alias, or the name. */
function listedValue(entry: IndexEntry, lookup: Lookup): string {
  const p = entry.participant;
  if (!p) return entry.aco.name;
  switch (lookup.kind) {
    case "npi":
      return p.npi ?? "";
    case "tin":
      return p.tin ?? "";
    case "name":
      return p.name;
    default:
      for (const alias of p.aliases ?? []) {
        const k = aliasKey(alias);
        const key =
          k.kind === "address"
            ? k.address
            : k.kind === "domain"
              ? k.domain
              : k.kind === "phone"
                ? k.fax
                : k.kind === "name"
                  ? k.name
                  : undefined;
        if (
          key === lookup.key &&
          (k.kind === lookup.kind || (k.kind === "phone" && lookup.kind === "fax") || (k.kind === "name" && lookup.kind === "alias"))
        )
          return alias;
      }
      return "";
  }
}

/**
 * Every ACO the recipient belongs to, one membership per ACO: in each ACO the participant matching
 * would find were that ACO the only one. Ordered as matching ranks them (by key, then ACO order), so
 * the first is the verdict's `acoMatch`. A name that is in several ACOs gives each of them; the
 * popup and the options page's "which ACOs is X in?" show them all.
 */
export function findAcoMemberships(index: AcoIndex, recipient: MatchableRecipient): AcoMembership[] {
  if (recipient.inSameAco === false) return [];
  const found = new Set<number>();
  const out: AcoMembership[] = [];
  visitKeys(index, recipient, (lookups) => {
    const fresh = new Map<number, { entry: IndexEntry; lookup: Lookup }>();
    for (const lookup of lookups) {
      const slot = lookup.slot;
      if (slot === undefined) continue;
      for (const entry of entriesOf(index, slot)) {
        if (found.has(entry.aco.position)) continue;
        const best = fresh.get(entry.aco.position);
        if (best === undefined || entry.order < best.entry.order) fresh.set(entry.aco.position, { entry, lookup });
      }
    }
    for (const [aco, hit] of [...fresh].sort((x, y) => x[0] - y[0])) {
      found.add(aco);
      out.push({
        ...toMatch(hit.entry, hit.lookup.kind),
        program: hit.entry.aco.program,
        listed: listedValue(hit.entry, hit.lookup),
        given: hit.lookup.given,
      });
    }
    return false; // every key: another may find another ACO
  });
  return out;
}

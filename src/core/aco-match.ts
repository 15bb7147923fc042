/**
 * ACO matching (hipaa-rules.md §7, matching rules v2): the profile's participant lists indexed
 * once by NPI, TIN, Direct address and domain, fax number, normalised name and alias, so matching
 * a recipient is a few map look-ups per key whatever the list size.
 */
import { aliasKey, directAddressKey, faxKey, npiKey, tinKey } from "./match-keys.ts";
import { nameParts, normaliseName } from "./name-key.ts";
import type { AcoMatch, AcoProgram, MatchedBy, OrgProfileInput, Participant, Recipient } from "./schema.ts";

// Where src/import has always found them; new code imports them from src/core/index.ts.
export { normaliseName } from "./name-key.ts";
export { npiKey, tinKey } from "./match-keys.ts";

/** One participant (or, in byAcoName, one ACO entity) as the index holds it. */
export interface IndexEntry {
  /** The ACO's position in the profile. */
  readonly aco: number;
  /** The position in §7's walk: ACOs in profile order, participants in list order. */
  readonly order: number;
  readonly acoId: string;
  readonly acoName: string;
  readonly program: AcoProgram | undefined;
  /** The participant as stored; undefined for an ACO entity. */
  readonly participant: Participant | undefined;
}

/** Who has a key: one entry, or (when several ACOs have it) the first entry of each ACO, in profile order. */
export type IndexSlot = IndexEntry | readonly IndexEntry[];

export interface AcoIndex {
  readonly byNpi: ReadonlyMap<number, IndexSlot>;
  readonly byTin: ReadonlyMap<number, IndexSlot>;
  /** Full Direct addresses among the aliases, lower-cased. */
  readonly byDirectAddress: ReadonlyMap<string, IndexSlot>;
  /** Whole Direct domains among the aliases (`@domain`), lower-cased, without the @. */
  readonly byDirectDomain: ReadonlyMap<string, IndexSlot>;
  /** Phone-number aliases by their 10 digits. */
  readonly byFax: ReadonlyMap<number, IndexSlot>;
  /** Participants' normalised names. */
  readonly byName: ReadonlyMap<string, IndexSlot>;
  /** Name aliases (not addresses or numbers), normalised. */
  readonly byAlias: ReadonlyMap<string, IndexSlot>;
  /** ACO entities by normalised ACO name, for a recipient of type "aco". */
  readonly byAcoName: ReadonlyMap<string, IndexSlot>;
  /** How many participants were indexed. */
  readonly participants: number;
}

/** The recipient fields matching reads; `type` absent is a participant (not an ACO entity). */
export type MatchableRecipient = Partial<Pick<Recipient, "type" | "name" | "organization" | "npi" | "tin" | "directAddress" | "fax" | "inSameAco">>;

export interface RecipientMatch {
  /** The first hit in §7's order (NPI, TIN, Direct, fax, name keys); undefined when none or matching is skipped. */
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

/**
 * Adds an entry for a key. The index is built backwards (last ACO and participant first), so a
 * new entry always comes before what is there: it replaces its own ACO's entry and goes in front
 * of the others, which keeps §7's first hit at the head with one map operation per key.
 */
function put<K>(map: Map<K, IndexSlot>, key: K, entry: IndexEntry): void {
  const slot = map.get(key);
  if (slot === undefined) map.set(key, entry);
  else if (!isList(slot)) map.set(key, slot.aco === entry.aco ? entry : [entry, slot]);
  else if (slot[0]!.aco === entry.aco) map.set(key, [entry, ...slot.slice(1)]);
  else map.set(key, [entry, ...slot]);
}

function isList(slot: IndexSlot): slot is readonly IndexEntry[] {
  return Array.isArray(slot);
}

function head(slot: IndexSlot | undefined): IndexEntry | undefined {
  return slot === undefined ? undefined : isList(slot) ? slot[0] : slot;
}

/**
 * Builds the index. Participant NPIs and TINs that cannot be right are left out, as the
 * recipient's would be; aliases are sorted into Direct addresses, Direct domains, phone numbers
 * and names (hipaa-rules.md §7).
 */
export function buildAcoIndex(profile: Pick<OrgProfileInput, "acos">): AcoIndex {
  const byNpi = new Map<number, IndexSlot>();
  const byTin = new Map<number, IndexSlot>();
  const byDirectAddress = new Map<string, IndexSlot>();
  const byDirectDomain = new Map<string, IndexSlot>();
  const byFax = new Map<number, IndexSlot>();
  const byName = new Map<string, IndexSlot>();
  const byAlias = new Map<string, IndexSlot>();
  const byAcoName = new Map<string, IndexSlot>();
  let order = profile.acos.reduce((n, aco) => n + aco.participants.length + 1, 0);
  const participants = order - profile.acos.length;
  for (let a = profile.acos.length - 1; a >= 0; a--) {
    const aco = profile.acos[a]!;
    for (let i = aco.participants.length - 1; i >= 0; i--) {
      const p = aco.participants[i]!;
      const entry: IndexEntry = { aco: a, order: --order, acoId: aco.id, acoName: aco.name, program: aco.program, participant: p };
      const npi = npiKey(p.npi);
      if (npi !== undefined) put(byNpi, npi, entry);
      const tin = tinKey(p.tin);
      if (tin !== undefined) put(byTin, tin, entry);
      if (p.aliases) {
        for (const alias of p.aliases) {
          const k = aliasKey(alias);
          if (k.kind === "address") put(byDirectAddress, k.address, entry);
          else if (k.kind === "domain") put(byDirectDomain, k.domain, entry);
          else if (k.kind === "phone") put(byFax, k.fax, entry);
          else if (k.kind === "name") put(byAlias, k.name, entry);
        }
      }
      const name = normaliseName(p.name);
      if (name) put(byName, name, entry);
    }
    const acoName = normaliseName(aco.name);
    const entity: IndexEntry = { aco: a, order: --order, acoId: aco.id, acoName: aco.name, program: aco.program, participant: undefined };
    if (acoName) put(byAcoName, acoName, entity);
  }
  return { byNpi, byTin, byDirectAddress, byDirectDomain, byFax, byName, byAlias, byAcoName, participants };
}

const indexes = new WeakMap<object, AcoIndex>();

/**
 * The index of a profile's ACO lists, built once per `acos` array and kept while the array
 * lives. ACO lists are treated as immutable: replace the array to change them.
 */
export function acoIndexOf(profile: Pick<OrgProfileInput, "acos">): AcoIndex {
  let index = indexes.get(profile.acos);
  if (!index) {
    index = buildAcoIndex(profile);
    indexes.set(profile.acos, index);
  }
  return index;
}

/** One look-up: a map, the recipient's key in it, and what the recipient gave. */
interface Lookup {
  readonly kind: Kind;
  readonly map: ReadonlyMap<string | number, IndexSlot>;
  readonly key: string | number;
  readonly given: string;
}

function given(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/**
 * The recipient's keys in §7's order, each a list of look-ups that count as one key (a Direct
 * address is looked up as an address and by its domain; a name key against names and aliases).
 * Lazy: the name parts are only split when everything before them missed.
 */
function* keysOf(index: AcoIndex, r: MatchableRecipient): Generator<readonly Lookup[]> {
  if (r.type === "aco") {
    const name = normaliseName(r.name);
    if (name) yield [{ kind: "aco", map: index.byAcoName, key: name, given: r.name! }];
    return;
  }
  const npi = npiKey(r.npi);
  if (npi !== undefined) yield [{ kind: "npi", map: index.byNpi, key: npi, given: r.npi! }];
  const tin = tinKey(r.tin);
  if (tin !== undefined) yield [{ kind: "tin", map: index.byTin, key: tin, given: r.tin! }];
  const raw = given(r.directAddress) ? r.directAddress : r.name;
  const direct = directAddressKey(raw);
  if (direct) {
    yield [
      { kind: "address", map: index.byDirectAddress, key: direct.address, given: raw!.trim() },
      { kind: "domain", map: index.byDirectDomain, key: direct.domain, given: raw!.trim() },
    ];
  }
  const fax = faxKey(r.fax);
  if (fax !== undefined) yield [{ kind: "fax", map: index.byFax, key: fax, given: r.fax! }];
  const nameKey = (text: string): readonly Lookup[] | undefined => {
    const key = normaliseName(text);
    return key
      ? [
          { kind: "name", map: index.byName, key, given: text.trim() },
          { kind: "alias", map: index.byAlias, key, given: text.trim() },
        ]
      : undefined;
  };
  const whole = r.name === undefined ? undefined : nameKey(r.name);
  if (whole) yield whole;
  const organization = r.organization === undefined ? undefined : nameKey(r.organization);
  if (organization) yield organization;
  if (r.name === undefined) return;
  const parts = nameParts(r.name);
  if (parts.length < 2) return; // the one part is the whole name, already tried
  for (const part of parts) {
    const key = nameKey(part);
    if (key) yield key;
  }
}

/** The first hit of one key: the earliest entry in §7's walk; at one participant, its name before its aliases. */
function firstHit(lookups: readonly Lookup[]): { entry: IndexEntry; lookup: Lookup } | undefined {
  let best: { entry: IndexEntry; lookup: Lookup } | undefined;
  for (const lookup of lookups) {
    const entry = head(lookup.map.get(lookup.key));
    if (entry && (best === undefined || entry.order < best.entry.order)) best = { entry, lookup };
  }
  return best;
}

function toMatch(entry: IndexEntry, kind: Kind): AcoMatch & { matchedBy: MatchedBy } {
  return { acoId: entry.acoId, acoName: entry.acoName, participant: entry.participant?.name ?? entry.acoName, matchedBy: MATCHED_BY[kind] };
}

/** Whether the recipient carries an NPI or TIN that cannot be right (and so is never used). */
export function hasInvalidIdentifier(recipient: Pick<Recipient, "npi" | "tin">): boolean {
  return (given(recipient.npi) && npiKey(recipient.npi) === undefined) || (given(recipient.tin) && tinKey(recipient.tin) === undefined);
}

/**
 * Matches a recipient against the index (§7): the first key in order that hits anything decides,
 * and for it the first ACO in profile order and the first participant in list order.
 * `inSameAco: false` is the caller's answer and skips matching. A recipient of type "aco" is the
 * ACO entity itself, matched by the ACO's name only (it is not one of its own participants).
 */
export function matchRecipient(index: AcoIndex, recipient: MatchableRecipient): RecipientMatch {
  const invalidIdentifier = hasInvalidIdentifier(recipient);
  if (recipient.inSameAco === false) return { match: undefined, invalidIdentifier };
  for (const lookups of keysOf(index, recipient)) {
    const hit = firstHit(lookups);
    if (hit) return { match: toMatch(hit.entry, hit.lookup.kind), invalidIdentifier };
  }
  return { match: undefined, invalidIdentifier };
}

/** The list's value that a look-up hit: the identifier as stored, the alias, or the name. */
function listedValue(entry: IndexEntry, lookup: Lookup): string {
  const p = entry.participant;
  if (!p) return entry.acoName;
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
        const key = k.kind === "address" ? k.address : k.kind === "domain" ? k.domain : k.kind === "phone" ? k.fax : k.kind === "name" ? k.name : undefined;
        if (key === lookup.key && (k.kind === lookup.kind || (k.kind === "phone" && lookup.kind === "fax") || (k.kind === "name" && lookup.kind === "alias"))) return alias;
      }
      return "";
  }
}

/**
 * Every ACO the recipient belongs to, one membership per ACO: in each ACO the participant §7
 * would match were that ACO the only one. Ordered as §7 ranks them (by key, then ACO order), so
 * the first is the verdict's `acoMatch`. A name that is in several ACOs gives each of them; the
 * popup and the options page's "which ACOs is X in?" show them all.
 */
export function findAcoMemberships(index: AcoIndex, recipient: MatchableRecipient): AcoMembership[] {
  if (recipient.inSameAco === false) return [];
  const found = new Map<number, { entry: IndexEntry; lookup: Lookup }>();
  const out: AcoMembership[] = [];
  for (const lookups of keysOf(index, recipient)) {
    const fresh = new Map<number, { entry: IndexEntry; lookup: Lookup }>();
    for (const lookup of lookups) {
      const slot = lookup.map.get(lookup.key);
      if (slot === undefined) continue;
      for (const entry of isList(slot) ? slot : [slot]) {
        if (found.has(entry.aco)) continue;
        const best = fresh.get(entry.aco);
        if (best === undefined || entry.order < best.entry.order) fresh.set(entry.aco, { entry, lookup });
      }
    }
    for (const [aco, hit] of [...fresh].sort((x, y) => x[0] - y[0])) {
      found.set(aco, hit);
      out.push({
        ...toMatch(hit.entry, hit.lookup.kind),
        program: hit.entry.program,
        listed: listedValue(hit.entry, hit.lookup),
        given: hit.lookup.given,
      });
    }
  }
  return out;
}

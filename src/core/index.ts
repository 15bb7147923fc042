/** The rules core's public API (rules-contract.md). Pure TypeScript: no browser API. */
export * from "./schema.ts";
export { evaluate } from "./evaluate.ts";
export { parseRequest, formatIssues, type ParseResult } from "./parse.ts";
export {
  acoIndexOf,
  buildAcoIndex,
  findAcoMemberships,
  matchRecipient,
  INVALID_IDENTIFIER_CAUTION,
  type AcoIndex,
  type AcoMembership,
  type MatchableRecipient,
  type RecipientMatch,
} from "./aco-match.ts";
export { normaliseName, nameParts } from "./name-key.ts";
export { npiKey, tinKey, faxKey, directAddressKey, aliasKey, type AliasKey } from "./match-keys.ts";
export { CITATIONS, citationInfo, type CitationInfo } from "./citations.ts";
export { OUTCOME_RANK, stricter, isPermitted } from "./outcome.ts";
export { OUTCOME_LABELS } from "./labels.ts";
export { couldNotDecide, COULD_NOT_DECIDE_HEADLINE } from "./could-not-decide.ts";

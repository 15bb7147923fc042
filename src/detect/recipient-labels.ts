/**
 * Which field labels name the recipient, and which name someone else (the sender, the patient), as data.
 * Patterns are regular-expression sources matched against `matchText(label)` with a trailing colon or
 * asterisk already gone. EXCLUDED wins over everything: a sender or patient field is never the recipient.
 */

export type RecipientRole = "name" | "direct" | "fax" | "npi" | "tin";

export interface RecipientLabelRule {
  role: RecipientRole;
  pattern: string;
  /** Higher wins when several fields could be the recipient. */
  priority: number;
}

/** The sender, the patient, and fields that are about the message rather than its recipient. PCP is ambiguous, so skipped. */
export const EXCLUDED_LABEL_PATTERN =
  "\\b(?:from|sender|sending|referring|ordering|rendering|billing|attending|requesting|requested by|signed by|author|authored by|pcp|primary care|patient|patients|mrn|dob|birth|date|subject|reason|diagnosis|diagnoses|comments?|notes?|message|cc|bcc|my|your|reply)\\b";

export const RECIPIENT_LABEL_RULES: readonly RecipientLabelRule[] = [
  {
    role: "name",
    priority: 3,
    pattern:
      "^(?:to|send to|sent to|recipients?|recipient (?:name|provider|organization|facility|clinician)|refer(?:red)? to(?: (?:provider|specialist|facility|clinic|practice|organization))*|referral to|receiving (?:provider|facility|clinician|organization|practice|physician)|share with|release to|send records to|consultant|consulting provider|to provider|(?:other|unlisted) (?:recipient|provider)|(?:recipient|provider) if not (?:listed|in (?:the )?list))$",
  },
  { role: "name", priority: 2, pattern: "^(?:specialist|provider|provider name|facility|facility name|organization|clinic|practice|physician)$" },
  { role: "direct", priority: 3, pattern: "^(?:(?:recipient |to )?direct(?: (?:address|e ?mail|e ?mail address|messaging address))?|direct to)$" },
  { role: "fax", priority: 3, pattern: "^(?:(?:recipient |to |send to )?fax(?: (?:number|no|num|to))?|fax recipient)$" },
  { role: "npi", priority: 3, pattern: "^(?:(?:recipient |provider )?npi(?: number)?|national provider identifier)$" },
  { role: "tin", priority: 3, pattern: "^(?:(?:recipient )?tin|tax id(?: number)?|tax identification number|taxpayer identification number|ein)$" },
];

/** Group titles that make their fields someone else's: the sender's or the patient's. */
export const EXCLUDED_SECTION_PATTERN =
  "\\b(?:from|sender|sending|referring|ordering|requesting|author|pcp|primary care|patient|patients|demographics)\\b";

/** Group titles (fieldset legend, region label, section heading) that make their fields the recipient's. */
export const RECIPIENT_SECTION_PATTERN =
  "^(?:to|recipients?|recipient (?:information|details|provider)|refer(?:red)? to|referral to|receiving (?:provider|facility|organization)|send to)\\b";

/** Inside a recipient section, these plain labels name the recipient. */
export const SECTION_NAME_PATTERN = "^(?:name|full name|provider|provider name|organization|facility|clinician|practice|physician)$";

/**
 * The words by which a page says what a record holds, as data: each term names one kind of information
 * the rules core treats apart (rules `psychotherapy-notes.authorization`, `part2.*`, and the state-law
 * and policy categories; see src/core/rules/README.md). Patterns are regular-expression sources
 * matched against `matchText(text)` (lower-case ASCII words, single spaces), so "42 CFR Part 2" reads
 * "42 cfr part 2" and "HIV-1/2 Ag/Ab" reads "hiv 1 2 ag ab". Terms are narrow on purpose: a specialty on
 * its own ("Behavioral Health", "Psychiatry") names a clinic, not what is sent.
 * Sources: 45 CFR 164.501 (psychotherapy notes); 42 CFR 2.32 (the redisclosure notice, 2018 and 2024
 * wording) and 2.11 (Part 2 program, SUD counseling notes); LOINC names of HIV and genetic tests; the
 * note types of EHR and therapy systems (Epic, OpenEMR, TherapyNotes, Tebra).
 */
import type { InformationKind } from "../core/schema.ts";
import { words } from "./text.ts";

export const CUE_KINDS = [
  "psychotherapy-notes",
  "sud-part2",
  "mental-health",
  "hiv",
  "genetic",
  "reproductive-health",
] as const satisfies readonly InformationKind[];
export type CueKind = (typeof CUE_KINDS)[number];

/** Where on the page a cue was read: what goes with the share, never the page at large. */
export const CUE_SOURCES = ["attached", "note-type", "document", "notice", "program", "message"] as const;
export type CueSource = (typeof CUE_SOURCES)[number];

/**
 * Each term: the kind it names, and its wordings as a regular-expression source of whole words (wrapped
 * in \\b(?:…)\\b when compiled). Keyed by a stable id, which the tests use for each term's examples.
 */
export const CUE_TERMS: Record<string, readonly [kind: CueKind, words: string]> = {
  // "Psychotherapy progress note" is a progress note (ordinary mental health record), not a psychotherapy note.
  "psychotherapy-note": ["psychotherapy-notes", "psychotherapy (?:process )?notes?"],
  "process-note": ["psychotherapy-notes", "(?:therapy |therapist s |counsell?ing )?process notes?"],
  // The notice of 42 CFR 2.32 (2024: "42 CFR part 2 prohibits unauthorized use or disclosure of these records"; 2018:
  // "...unauthorized disclosure..."; the long form: "...protected by federal confidentiality rules (42 CFR part 2)").
  "part2-notice": ["sud-part2", "42 cfr part 2 prohibits unauthorized|protected by (?:federal confidentiality rules )?42 cfr part 2"],
  // A label on a document ("Intake summary [42 CFR Part 2]", the DS4P code "42CFRPart2"); a reminder in help text is not read.
  "part2-label": ["sud-part2", "42 ?cfr ?part ?2"],
  "part2-record": ["sud-part2", "part 2 (?:program|records?|protected)"],
  "sud-counseling-note": ["sud-part2", "(?:sud|substance use disorder) counsell?ing notes?"],
  "sud-program": [
    "sud-part2",
    "(?:substance use disorders?|substance use|sud|substance abuse|chemical dependency|addiction|alcohol and (?:other )?drugs?|drug and alcohol) (?:treatment |recovery |outpatient |residential |services )*(?:program|clinic|center)",
  ],
  "opioid-treatment-program": [
    "sud-part2",
    "opioid (?:use disorder )?treatment (?:program|clinic|center)|methadone (?:maintenance |treatment )?(?:program|clinic)",
  ],
  "behavioral-health-note": [
    "mental-health",
    "behavioral health (?:progress |intake |initial |consult(?:ation)? |discharge )?(?:notes?|assessment|evaluation|summary|treatment plan)",
  ],
  "psychiatric-evaluation": [
    "mental-health",
    "psychiatr(?:ic|y) (?:progress |intake |initial |consult(?:ation)? |discharge )?(?:notes?|evaluation|assessment|consult(?:ation)?|summary)",
  ],
  "mental-health-record": [
    "mental-health",
    "mental health (?:progress |intake |initial )?(?:notes?|assessment|evaluation|treatment plan|history|records?)",
  ],
  // Not physical, speech or occupational therapy, nor nutrition or genetic counseling. "Counselling" is how the UK and Australia spell it.
  "therapy-progress-note": [
    "mental-health",
    "(?<!(?:physical|occupational|speech|respiratory|infusion|radiation|nutrition|genetic|lactation|dietary) )(?:psychotherapy|therapy|counsell?ing) (?:progress|session) notes?",
  ],
  "psychological-testing": ["mental-health", "(?:neuro)?psychological (?:testing|evaluation|assessment|test results?|report)"],
  // A mental disorder named in what goes (a referral's reason, a message: "Recurrent major depressive disorder"), in the
  // languages read: the diagnosis is mental health information, as the record that holds it is. Not a mood or a worry.
  "mental-disorder": [
    "mental-health",
    "(?:major )?depressi(?:on|ve (?:disorder|episode|symptoms))|mdd|anxiety(?: disorder)?|generali[sz]ed anxiety|panic disorder|bipolar(?: disorder)?|schizo(?:phrenia|affective)|psychos[ie]s|psychotic (?:disorder|episode|symptoms)|ptsd|post ?traumatic stress|obsessive compulsive|eating disorder|anorexia nervosa|bulimia|suicid(?:e|al|ality)|self ?harm" +
      "|depresion|trastorno (?:depresivo|de ansiedad|bipolar)|ansiedad|esquizofrenia|psicosis|suicida|depressao|transtorno (?:depressivo|de ansiedade|bipolar)|ansiedade|psicose" +
      "|depressie|depressieve stoornis|angststoornis|psychose|suicidale|depressive (?:storung|episode)|angststorung|schizophrenie|trouble (?:depressif|anxieux|bipolaire)",
  ],
  // Spanish and Portuguese records of a psychology or psychiatry service ("Evaluación psicológica", "Nota de psiquiatría"), and
  // such a service's dated entry in any of the three ("Sessão 14 — Psicologia (12/03/2025)": the dash ends a clause, the date
  // stays with the service); the service alone is no record.
  "salud-mental-registro": [
    "mental-health",
    "(?:sesion|sesiones|sessao|sessoes|nota|notas|evolucion|evolucao|informe|relatorio|atendimento|evaluacion|avaliacao|registro|prontuario)(?: \\d+)?(?: (?:de|del|da|do))? (?:psicologia|psiquiatria|psicoterapia|salud mental|saude mental|psicologic[oa]|psiquiatric[oa])|(?:psicologia|psiquiatria|psicoterapia|psychology|psychiatry|psychotherapy) \\d{1,2} \\d{1,2} \\d{2,4}",
  ],
  hiv: ["hiv", "hiv|human immunodeficiency virus"],
  "genetic-test": [
    "genetic",
    "genetic (?:test(?:ing)?|counseling|analysis|screening|panel|report|results?)|(?:molecular genetics|cytogenetics?) report",
  ],
  "genomic-test": [
    "genetic",
    "(?:pharmaco)?genomic|germline|hereditary (?:cancer )?(?:gene )?(?:panel|testing)|gene panel|whole (?:exome|genome) sequencing|carrier screening|chromosom(?:e|al) (?:analysis|microarray)|karyotype|brca ?[12]?",
  ],
  contraception: ["reproductive-health", "contracepti(?:on|ve)|family planning|birth control|iud (?:insertion|removal|placement)"],
  "pregnancy-care": [
    "reproductive-health",
    "pregnancy (?:test|termination|ultrasound|scan|care|record)|(?:early|intrauterine|ectopic) pregnancy|termination of pregnancy|abortion|miscarriage|prenatal|antenatal|obstetric(?:al)?|(?:first|second|third|1st|2nd|3rd) trimester|ob (?:ultrasound|us|sonogram|scan|visit|exam)|us ob|nuchal translucency|fertility|ivf|in vitro fertilization",
  ],
  "reproductive-health": ["reproductive-health", "reproductive health"],
};

/** Terms also read from any text around the action (a notice that travels with the record), not only from what is chosen. */
export const NOTICE_TERMS: readonly string[] = ["part2-notice"];

/** A word before the term in the same clause that denies it: "No mental health history", "excluding psychotherapy notes", "Denies suicidal ideation", Dutch "Geen suïcidale gedachten". */
export const NEGATION_BEFORE =
  "\\b(?:no|not|without|excluding|excludes?|except|never|omit(?:ted|ting)?|nor|denies|negative for|sin|sem|geen|kein|keine|sans)\\b";
/** Words after the term in the same clause that deny or empty it: "Psychotherapy notes are not included", "HIV: not tested". */
export const NEGATION_AFTER =
  "\\b(?:(?:is|are|was|were|has been|have been) (?:not|never)|not (?:included|attached|enclosed|tested|performed|done|sent|available|on file|applicable|requested|released|shared|disclosed|part of)|excluded|withheld|removed|omitted|declined|redacted|none|n a|unknown)\\b";
/** A value that says there is nothing: "HIV: —", "Genetic testing: none", "HIV: not tested". */
export const EMPTY_VALUE = "^(?:|no|none|na|n a|nil|unknown|not tested|not done|not performed|not applicable|declined|never)$";

/** Labels of a field or row that holds the type of the note being sent. */
export const NOTE_TYPE_LABEL = "\\b(?:note|document|encounter|visit|report) type\\b|\\btype of (?:note|document)\\b|\\btemplate\\b";
/** Labels of a field that names where the records come from (a Part 2 program is named there). */
export const SOURCE_LABEL =
  "^(?:program|source|source program|from|records from|(?:originating|sending|treating) (?:program|facility|clinic))$";
/**
 * A word that every NOTE_TYPE_LABEL, SOURCE_LABEL or DOCUMENTS_LABEL match holds: the walk looks for one in a leaf's
 * raw text before it makes the text matchable (cues.ts). Keep in step with the three (cues-vocabulary.test.ts).
 */
export const LABEL_WORDS: readonly string[] = words(
  "type template program source from facility clinic document attachment referenced related linked attached regarding",
);
/**
 * A label written as text beside the list of what a send dialog sends ("Documents", "Attachments"), or beside what a
 * message is about ("Referenced clinical activity: Lab report …", Care360's; "Regarding: …").
 */
export const DOCUMENTS_LABEL =
  "^(?:documents?|attachments?|(?:referenced|related|linked|attached) (?:\\w+ )?(?:activity|activities|documents?|records?|results?|items?|orders?)|regarding)$";
/** Labels of a text field whose value is what is sent: its title, subject or attachment. */
export const DOCUMENT_FIELD_LABEL = "\\b(?:title|subject|attachments?|document|documents|file name|note type|document type)\\b";
/** Titles of a list, table or group whose items go with the share. */
export const ATTACHMENT_TITLE =
  "\\b(?:attach(?:ed|ments?)?|enclos(?:ed|ures?)|included|to (?:send|share|fax|release|include|export)|selected (?:documents|records|notes|items|results)|(?:being|will be) (?:sent|shared|faxed|released)|package)\\b";

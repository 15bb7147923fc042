import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INFORMATION_KINDS } from "../core/schema.ts";
import { cueKinds } from "./cues-match.ts";
import { CUE_KINDS, CUE_TERMS, DOCUMENTS_LABEL, LABEL_WORDS, NOTE_TYPE_LABEL, SOURCE_LABEL } from "./cues-vocabulary.ts";
import { matchText } from "./text.ts";

/** For every term: page wordings it must read (from real EHR, lab and regulation text), and near misses it must not. */
const EXAMPLES: Record<string, { reads: string[]; not: string[] }> = {
  "psychotherapy-note": {
    reads: ["Psychotherapy note (14 Mar)", "Psychotherapy Notes - Confidential", "PSYCHOTHERAPY PROCESS NOTE 03/14/2026"],
    not: ["Psychotherapy progress note", "Psychotherapy intake", "Psychotherapist"],
  },
  "process-note": {
    reads: ["Process note", "Therapist's process notes, session 12", "Counselling process notes"],
    not: ["Processing notes", "Process improvement note"],
  },
  "part2-notice": {
    reads: [
      "42 CFR part 2 prohibits unauthorized use or disclosure of these records.",
      "42 CFR part 2 prohibits unauthorized disclosure of these records.",
      "This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2).",
    ],
    not: ["Federal confidentiality rules apply"],
  },
  "part2-label": { reads: ["Intake summary [42 CFR Part 2]", "Confidentiality: 42CFRPart2"], not: ["42 CFR 164.508", "Part 2 of 3"] },
  "part2-record": { reads: ["Part 2 program discharge summary", "Part 2 records"], not: ["Part 2 of the form"] },
  "sud-counseling-note": {
    reads: ["SUD counseling note", "Substance use disorder counseling notes", "SUD counselling note"],
    not: ["Counseling note"],
  },
  "sud-program": {
    reads: [
      "Harbor Substance Use Disorder Treatment Program",
      "Riverside Addiction Treatment Center",
      "Chemical Dependency Outpatient Program",
      "Alcohol and Drug Program intake",
    ],
    not: ["Substance use screening (AUDIT-C)", "Addiction medicine consult"],
  },
  "opioid-treatment-program": {
    reads: ["Eastside Opioid Treatment Program", "Methadone Maintenance Clinic", "Opioid Use Disorder Treatment Program"],
    not: ["Opioid prescription history", "Opioid risk tool"],
  },
  "behavioral-health-note": {
    reads: ["Behavioral health progress note", "Behavioral Health Intake Assessment", "Behavioral health treatment plan"],
    not: ["Northside Behavioral Health", "Behavioral Health (department)"],
  },
  "psychiatric-evaluation": {
    reads: ["Psychiatric evaluation", "Psychiatry consult note", "Psychiatric discharge summary", "Psychiatry progress note"],
    not: ["Psychiatry", "Psychiatric hospital", "Lakeside Psychiatry Associates"],
  },
  "mental-health-record": {
    reads: ["Mental health assessment", "Mental Health Treatment Plan", "Mental health history"],
    not: ["Mental health clinic", "Mental health services line"],
  },
  "mental-disorder": {
    reads: [
      "Recurrent major depressive disorder with generalized anxiety",
      "Diagnosis: major depressive disorder, recurrent, moderate",
      "four-month history of low mood, anxiety and early waking",
      "passive suicidal ideation, safety plan in place",
      "Bipolar I disorder, most recent episode manic",
      "Trastorno depresivo mayor",
      "vermoeden van een depressieve stoornis",
      "PTSD after MVA",
    ],
    not: ["Low mood after bereavement", "Anxious about the procedure", "Psychotropic medication list", "Depressed skull fracture"],
  },
  "therapy-progress-note": {
    reads: ["Psychotherapy progress note", "Therapy session note", "Counseling progress notes", "Counselling session note — 10 Feb 2025"],
    not: [
      "Physical therapy progress note",
      "Speech therapy session note",
      "Genetic counseling progress note",
      "Genetic counselling session note",
    ],
  },
  "salud-mental-registro": {
    reads: [
      "Sessão 14 — Psicologia (12/03/2025)",
      "Evaluación psicológica",
      "Nota de evolución de psiquiatría",
      "Relatório de saúde mental",
      "Psychiatry 03/12/2025",
    ],
    not: ["Psicologia", "Clínica de Psiquiatría del Norte", "Consulta de pediatría", "Psychiatry, 2 West"],
  },
  "psychological-testing": {
    reads: ["Psychological testing report", "Neuropsychological evaluation"],
    not: ["Psychological safety training"],
  },
  hiv: {
    reads: [
      "HIV 1 RNA [#/volume] (viral load) in Serum or Plasma",
      "HIV-1/2 Ag/Ab screen: Nonreactive",
      "Human immunodeficiency virus viral load",
    ],
    not: ["Hepatitis C viral load", "Archive note"],
  },
  "genetic-test": {
    reads: ["Genetic test results", "Genetic counseling note", "Molecular genetics report"],
    not: ["Genetics clinic", "Generic medication list"],
  },
  "genomic-test": {
    reads: [
      "BRCA1/2 analysis",
      "Hereditary cancer panel",
      "Hereditary cancer gene panel — result",
      "Whole exome sequencing report",
      "Pharmacogenomic panel",
      "Chromosomal microarray",
    ],
    not: ["Genome (journal) reprint", "Bracelet"],
  },
  contraception: {
    reads: ["Contraceptive counseling visit", "Family planning visit", "IUD insertion procedure note"],
    not: ["Planning notes", "Birthday"],
  },
  "pregnancy-care": {
    reads: [
      "Pregnancy test result",
      "Prenatal visit note",
      "Obstetric ultrasound",
      "Termination of pregnancy",
      "Fertility evaluation",
      "US_OB_first_trimester_20250121.pdf",
      "OB ultrasound report",
      "Early pregnancy scan",
      "Antenatal care record",
    ],
    not: [
      "Prednisone taper",
      "Obesity",
      "Pregnancy category of medication",
      "Job description",
      "Observation note",
      "Pregnancy status: see chart",
    ],
  },
  "reproductive-health": { reads: ["Reproductive health services visit"], not: ["Reproduction of records fee"] },
};

describe("cue vocabulary", () => {
  it("names every kind of information but general, in the core's order", () => {
    expect(CUE_KINDS).toEqual(INFORMATION_KINDS.filter((kind) => kind !== "general"));
    expect(new Set(Object.values(CUE_TERMS).map(([kind]) => kind))).toEqual(new Set(CUE_KINDS));
  });

  it("has examples for every term, and every term id is unique", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(CUE_TERMS).sort());
  });

  describe.each(Object.entries(CUE_TERMS))("%s", (id, [kind, words]) => {
    const re = new RegExp(`\\b(?:${words})\\b`);
    const { reads, not } = EXAMPLES[id]!;
    it.each(reads)("reads %j", (text) => {
      expect(re.test(matchText(text))).toBe(true);
      expect(cueKinds(text)).toContain(kind);
    });
    it.each(not)("does not read %j", (text) => {
      expect(re.test(matchText(text))).toBe(false);
    });
  });
});

describe("cueKinds: negated and empty mentions are no cues", () => {
  it.each([
    "Psychotherapy notes are not included",
    "Psychotherapy notes: not included",
    "Progress notes, excluding psychotherapy notes",
    "All notes except psychotherapy notes",
    "HIV: not tested",
    "HIV:",
    "HIV: —",
    "HIV status: unknown",
    "Genetic testing: none",
    "No mental health history",
    "Without psychiatric evaluation",
    "Psychotherapy notes were withheld",
    "Behavioral health progress note (redacted)",
    "Depression screening declined",
    "Denies suicidal ideation",
    "No history of depression",
    "Geen suïcidale gedachten",
    "Sin ideación suicida",
  ])("%j", (text) => {
    expect(cueKinds(text)).toEqual([]);
  });

  it.each([
    ["HIV test result: negative", ["hiv"]],
    ["HIV-1/2 Ag/Ab: nonreactive", ["hiv"]],
    ["Behavioral health progress note; HIV status not included", ["mental-health"]],
    ["Psychotherapy note (not for redisclosure)", ["psychotherapy-notes"]],
    ["No show policy - Psychiatric evaluation", ["mental-health"]],
  ] as const)("%j still reads %j", (text, kinds) => {
    expect(cueKinds(text)).toEqual(kinds);
  });

  it("reads only notice terms when asked to", () => {
    expect(cueKinds("Records covered by 42 CFR Part 2 need consent", true)).toEqual([]);
    expect(cueKinds("42 CFR part 2 prohibits unauthorized use or disclosure of these records.", true)).toEqual(["sud-part2"]);
  });
});

describe("LABEL_WORDS", () => {
  const labels = [new RegExp(NOTE_TYPE_LABEL), new RegExp(SOURCE_LABEL), new RegExp(DOCUMENTS_LABEL)];
  const words = [...new Set(`${NOTE_TYPE_LABEL} ${SOURCE_LABEL} ${DOCUMENTS_LABEL}`.split(/[^a-z]+/).filter((word) => word.length > 1))];

  it("holds a word of every note-type, source and documents label", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words, "chart", "dr"), { minLength: 1, maxLength: 4 }), (picked) => {
        const label = picked.join(" ");
        // The walk's test is a substring one: "document" finds "documents".
        if (labels.some((re) => re.test(label))) expect(picked.some((word) => LABEL_WORDS.some((l) => word.includes(l)))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

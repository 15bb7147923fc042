/**
 * A participant file with the traits of the real CMS Shared Savings Program "ACO Participants" public file
 * (data.cms.gov): a UTF-8 byte order mark, CRLF line ends, the columns ACO_ID, Par_LBN, ACO_Name and
 * ACO_Service_Area (quoted when it lists several states), legal business names only (no TIN, no NPI), names with
 * commas and accents (Ñ, É, Í), the same legal name in several ACOs, and distinct legal entities in one ACO whose
 * names differ only in their legal form ("RIVERSIDE MEDICAL GROUP PC" and "RIVERSIDE MEDICAL GROUP LLC").
 * Every row is a distinct participant, so an importer must keep all of them.
 */

export type CmsFile = { text: string; rows: number; perAco: Map<string, number>; acoNames: Map<string, string> };

const STEMS = [
  "RIVERSIDE MEDICAL GROUP",
  "LAKESIDE NEUROLOGY ASSOCIATES",
  "SMITH, JONES & ASSOCIATES",
  "CLÍNICA PEÑASCO FAMILY HEALTH",
  "HOSPITAL SAN JOSÉ",
  "MUÑOZ PEDIATRICS",
  "TRI-COUNTY HEALTH",
  "THE CHILDREN'S CLINIC",
  "ST. MARY'S REGIONAL MEDICAL CENTER",
  "NORTH VALLEY INTERNAL MEDICINE",
  "DR. ANA BELÉN OCAÑA, MD",
  "SUMMIT ANESTHESIA COMPANY",
];
const FORMS = ["PC", "LLC", "PLLC", "INC", "P.A.", "LLP", "CORP", "SC", "CO", ""];
const AREAS = ["TX", "TX, NM", "NY", "CA, NV, AZ", "PR", "FL"];

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `rows` rows over `acos` ACOs of uneven sizes (at least 5 rows each). */
export function cmsParticipantFile(rows = 1245, acos = 40): CmsFile {
  const sizes = Array.from({ length: acos }, (_, i) => 5 + ((i * 37) % 50));
  const rest = rows - sizes.slice(0, -1).reduce((a, b) => a + b, 0);
  if (rest < 5) throw new Error("too few rows for that many ACOs");
  sizes[acos - 1] = rest;
  const lines = ["ACO_ID,Par_LBN,ACO_Name,ACO_Service_Area"];
  const perAco = new Map<string, number>();
  const acoNames = new Map<string, string>();
  sizes.forEach((size, a) => {
    const id = `A${String(1000 + a * 7).padStart(4, "0")}`;
    const name = a % 3 === 0 ? `Valley Health Partners ${a}, LLC` : `ACO Nuevo Méjico ${a}`;
    perAco.set(id, size);
    acoNames.set(id, name);
    for (let p = 0; p < size; p++) {
      // Every stem with every legal form is a distinct legal entity; the first rows of each ACO are the same
      // stems, so many names recur across ACOs and each ACO has same-stem pairs that differ in form only.
      const stem = STEMS[p % STEMS.length]!;
      const form = FORMS[Math.floor(p / STEMS.length) % FORMS.length]!;
      const round = Math.floor(p / (STEMS.length * FORMS.length));
      const legal = [stem, round ? `OF ${["DALLAS", "EL PASO", "SANTA FÉ"][round - 1] ?? round}` : "", form].filter(Boolean).join(" ");
      lines.push([id, legal, name, AREAS[(a + p) % AREAS.length]!].map(quote).join(","));
    }
  });
  return { text: `\uFEFF${lines.join("\r\n")}\r\n`, rows, perAco, acoNames };
}

/** Participant files for the importer's unit tests, the options browser tests and the bench. */

/** A valid NPI built from a number: its first 9 digits, then the Luhn check digit over 80840 + those 9. */
export function makeNpi(n: number): string {
  const base = String(100_000_000 + (n % 800_000_000)).padStart(9, "0");
  const full = `80840${base}`;
  let sum = 0;
  // Walking from the right of the 14 known digits, the first one is doubled (the check digit comes after it).
  for (let i = full.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = full.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return base + String((10 - (sum % 10)) % 10);
}

export const makeTin = (n: number) => String(100_000_000 + (n % 800_000_000));

/** A plain `name,tin,npi` file with `count` valid participants. */
export function plainCsv(count: number, start = 0): string {
  const lines = ["name,tin,npi"];
  for (let i = start; i < start + count; i++) lines.push(`"Clinic ${i}, PC",${makeTin(i)},${makeNpi(i)}`);
  return `${lines.join("\r\n")}\r\n`;
}

/** A CMS Shared Savings Program "ACO Participants" file: every ACO in the program, one row per participant. */
export function msspCsv(acos: number, perAco: number): string {
  const lines = ["ACO_ID,ACO_Name,Par_LBN"];
  for (let a = 0; a < acos; a++)
    for (let p = 0; p < perAco; p++) lines.push(`A${String(1000 + a)},"ACO ${a} Partners, LLC",Practice ${a}-${p} LLC`);
  return `${lines.join("\r\n")}\r\n`;
}

/** An NPI with a valid check digit for the nine given digits. */
export function npiWithCheckDigit(nine: string): string {
  for (let d = 0; d <= 9; d++) {
    const full = `80840${nine}${d}`;
    let sum = 0;
    for (let i = full.length - 1, double = false; i >= 0; i--, double = !double) {
      let x = full.charCodeAt(i) - 48;
      if (double) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return `${nine}${d}`;
  }
  throw new Error("unreachable");
}

/**
 * Rules core speed: verdicts per second without a profile and with a 10-ACO, 50,000-participant
 * profile; the time and heap to index that profile. Budgets from issue 3. Runs alone too:
 * `npx tsx test/bench/core.bench.ts`.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { pathToFileURL } from "node:url";
import { type AcoIndex, type DisclosureRequestInput, type OrgProfileInput, OrgProfile, buildAcoIndex, evaluate } from "../../src/core/index.ts";

/** A real collector for the heap figure: tsx does not pass --expose-gc, so ask V8 for it. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  return () => {
    gc();
    gc();
  };
}

function npi(nine: number): string {
  const body = String(nine).padStart(9, "0");
  for (let d = 0; d <= 9; d++) {
    const full = `80840${body}${d}`;
    let sum = 0;
    for (let i = full.length - 1, double = false; i >= 0; i--, double = !double) {
      let x = full.charCodeAt(i) - 48;
      if (double) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return `${body}${d}`;
  }
  throw new Error("unreachable");
}

export function bigProfile(acos = 10, perAco = 5000): OrgProfileInput {
  return {
    organization: { name: "Maple Street Primary Care", role: "provider" },
    acos: Array.from({ length: acos }, (_, a) => ({
      id: `aco-${a}`,
      name: `Regional Health ACO ${a}, LLC`,
      program: "mssp" as const,
      participants: Array.from({ length: perAco }, (_, p) => {
        const n = a * perAco + p;
        return {
          name: `Participant Practice ${n} Family Medicine, P.C.`,
          tin: `${String(10 + (n % 89)).padStart(2, "0")}-${String(1000000 + n).padStart(7, "0")}`,
          npi: npi(100000000 + n),
        };
      }),
    })),
    policy: { outsideAco: "review", reviewCategories: ["psychotherapy-notes"] },
    state: "MN",
  };
}

const REQUESTS: DisclosureRequestInput[] = [
  { purpose: "treatment", recipient: { type: "provider", name: "Lakeside Cardiology" } },
  { purpose: "treatment", recipient: { type: "care-coordinator" }, information: ["mental-health"] },
  { purpose: "payment", recipient: { type: "health-plan" }, patient: { selfPayRestriction: true } },
  { purpose: "payment", recipient: { type: "clearinghouse", businessAssociateAgreement: true }, information: ["general", "genetic"] },
  { purpose: "operations", operationsActivity: "quality-improvement", recipient: { type: "provider", hasRelationshipWithPatient: false } },
  { purpose: "operations", operationsActivity: "population-care-coordination", recipient: { type: "aco", name: "Regional Health ACO 3" } },
  { purpose: "other", otherPurpose: "patient-directed", recipient: { type: "other" } },
  { purpose: "other", otherPurpose: "judicial", recipient: { type: "other" }, information: ["psychotherapy-notes"], patient: { agreedRestriction: true } },
  { purpose: "treatment", emergency: true, recipient: { type: "provider" }, information: ["sud-part2"] },
  { discloser: "business-associate", purpose: "payment", recipient: { type: "health-plan" }, information: ["reproductive-health"] },
  { purpose: "treatment", recipient: { type: "provider" }, information: ["mental-health", "psychotherapy-notes"], patient: { authorizationOnFile: true } },
  { purpose: "treatment", recipient: { type: "social-services" }, information: ["sud-part2"], patient: { part2Consent: "tpo" } },
];

/** Recipients for the profile run: matched by NPI, TIN and name, plus misses and a bad NPI. */
function profileRequests(): DisclosureRequestInput[] {
  const out: DisclosureRequestInput[] = [];
  for (let i = 0; i < 64; i++) {
    const n = (i * 7919) % 50000;
    const base = REQUESTS[i % REQUESTS.length]!;
    const recipient =
      i % 4 === 0
        ? { ...base.recipient, npi: npi(100000000 + n) }
        : i % 4 === 1
          ? { ...base.recipient, tin: `${String(10 + (n % 89)).padStart(2, "0")}${String(1000000 + n).padStart(7, "0")}` }
          : i % 4 === 2
            ? { ...base.recipient, name: `PARTICIPANT PRACTICE ${n} FAMILY MEDICINE PC` }
            : { ...base.recipient, name: "Nowhere Clinic", npi: "1234567890" };
    out.push({ ...base, recipient });
  }
  return out;
}

function throughput(label: string, requests: readonly DisclosureRequestInput[], profile: OrgProfileInput | undefined, budget: number): void {
  for (let i = 0; i < 20000; i++) evaluate(requests[i % requests.length], profile); // warm up
  let count = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < 1500) {
    for (let i = 0; i < 1000; i++) evaluate(requests[(count + i) % requests.length], profile);
    count += 1000;
    elapsed = performance.now() - started;
  }
  const perSecond = (count / elapsed) * 1000;
  report(label, `${Math.round(perSecond).toLocaleString("en-US")} verdicts/s (${((elapsed * 1000) / count).toFixed(2)} µs/verdict)`, perSecond >= budget, `≥ ${budget.toLocaleString("en-US")}/s`);
}

function report(label: string, value: string, pass: boolean, budget: string): void {
  console.log(`${label.padEnd(44)} ${value.padEnd(42)} budget ${budget.padEnd(12)} ${pass ? "PASS" : "OVER"}`);
}

export default async function coreBench(): Promise<void> {
  const gc = collector();
  throughput("evaluate, no profile", REQUESTS, undefined, 200_000);

  const profile = bigProfile();
  const parsed = OrgProfile.parse(profile);
  const participants = parsed.acos.reduce((n, aco) => n + aco.participants.length, 0);

  gc();
  const before = process.memoryUsage().heapUsed;
  let started = performance.now();
  let index: AcoIndex | undefined = buildAcoIndex(parsed);
  const firstBuild = performance.now() - started;
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  if (index.byNpi.size !== participants) throw new Error(`indexed ${index.byNpi.size} NPIs of ${participants}`);
  index = undefined;
  const builds: number[] = [];
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    buildAcoIndex(parsed);
    builds.push(performance.now() - started);
  }
  const median = builds.sort((a, b) => a - b)[2]!;
  report(`index build, ${parsed.acos.length} ACOs × ${participants / parsed.acos.length}`, `${firstBuild.toFixed(1)} ms first, ${median.toFixed(1)} ms median`, firstBuild < 100, "< 100 ms");
  report("index heap", `${(heap / 1024 / 1024).toFixed(1)} MB`, heap < 30 * 1024 * 1024, "< 30 MB");

  started = performance.now();
  evaluate(REQUESTS[0], profile); // parses the profile and builds its index once
  report("first evaluate with profile (parse + index)", `${(performance.now() - started).toFixed(1)} ms`, true, "(info)");
  throughput(`evaluate, ${participants.toLocaleString("en-US")}-participant profile`, profileRequests(), profile, 100_000);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await coreBench();

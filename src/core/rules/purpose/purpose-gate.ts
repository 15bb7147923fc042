/** The purpose gate (gate e), applied to every request: one purpose rule decides. */
import type { Facts } from "../../facts.ts";
import type { Finding, Hit } from "../../rule.ts";
import { satisfiedByAuthorization } from "../authorization.ts";
import { operations } from "./operations.ts";
import { otherPurpose } from "./other-purposes.ts";
import { payment } from "./payment.ts";
import { employer, familyInvolvement, individualDisclosure } from "./recipient-decided.ts";
import { treatment } from "./treatment.ts";

function decide(f: Facts): Hit | undefined {
  if (f.purpose === "other") return otherPurpose(f);
  // family.involvement and employer.* read "family-involvement" and "employer" under any purpose. They are checked before the
  // patient recipient so that a contradictory request takes the stricter reading.
  if (f.statedOtherPurpose === "family-involvement") return familyInvolvement();
  if (f.statedOtherPurpose === "employer") return employer(f);
  switch (f.recipient.type) {
    case "patient":
      return individualDisclosure();
    case "family-or-friend":
      return familyInvolvement();
    case "employer":
      return employer(f);
  }
  switch (f.purpose) {
    case "treatment":
      return treatment(f);
    case "payment":
      return payment(f);
    case "operations":
      return operations(f);
  }
}

export function purposeGate(f: Facts): Finding {
  const hit = decide(f);
  if (!hit) return { hits: [], cautions: [] };
  return { hits: [f.authorization ? satisfiedByAuthorization(hit) : hit], cautions: [] };
}

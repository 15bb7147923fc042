import { describe, expect, it } from "vitest";
import { sendChannel } from "./channel.ts";

const FAX_ONLY = { text: "Dr. Mei Lin", name: "Mei Lin", fax: "(555) 014-2200" };
const DIRECT_ONLY = { text: "Dr. Mei Lin", name: "Mei Lin", directAddress: "mlin@direct.example.org" };
const UNTOLD = { kind: "share", label: "Send", untold: true } as const;

describe("sendChannel", () => {
  it("sends a Send that only a record's title made a share the one way its recipient can be reached", () => {
    expect(sendChannel(UNTOLD, FAX_ONLY)).toBe("fax");
    expect(sendChannel({ ...UNTOLD, label: "Enviar" }, DIRECT_ONLY)).toBe("direct");
  });

  it("keeps the share when the recipient can be reached both ways, or no way the page shows", () => {
    expect(sendChannel(UNTOLD, { ...FAX_ONLY, directAddress: "mlin@direct.example.org" })).toBe("share");
    expect(sendChannel(UNTOLD, { text: "Mei Lin", name: "Mei Lin" })).toBe("share");
    expect(sendChannel(UNTOLD, undefined)).toBe("share");
    // A plain e-mail address is no Direct address: GNU Health's mail of an evaluation is a share.
    expect(sendChannel({ ...UNTOLD, label: "Enviar" }, { ...DIRECT_ONLY, directAddress: "lfernandez@sanatoriodelsur.example" })).toBe(
      "share",
    );
  });

  it("leaves a kind the control or its context named as it was: a records release stays a share", () => {
    expect(sendChannel({ kind: "share", label: "Release" }, FAX_ONLY)).toBe("share");
    expect(sendChannel({ kind: "referral", label: "Send" }, FAX_ONLY)).toBe("referral");
  });
});

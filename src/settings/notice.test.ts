import { describe, expect, it } from "vitest";
import { getMessage } from "../../test/support/i18n-stub.ts";
import { describeProblems, NOTICE_KEYS } from "./notice.ts";

const translate = (key: string, subs?: string[]) => getMessage(key, subs);

describe("settings notices", () => {
  it("every problem has its sentence in _locales", () => {
    for (const key of Object.values(NOTICE_KEYS)) expect(getMessage(key), key).not.toBe("");
  });

  it("names the fields that were reset or ignored, one sentence per problem", () => {
    const text = describeProblems([{ kind: "fields-reset", fields: ["mode", "sites"] }, { kind: "managed-unreadable" }], translate);
    expect(text).toBe(
      "Some saved settings were damaged and were reset to their defaults: mode, sites. The old value was kept as a backup. " +
        "Your organisation's policy could not be read, so none of it is applied.",
    );
    expect(describeProblems([], translate)).toBeUndefined();
  });

  it("shows the key rather than nothing when a locale lacks it", () => {
    expect(describeProblems([{ kind: "unreadable" }], () => "")).toBe("settings_notice_unreadable");
  });
});

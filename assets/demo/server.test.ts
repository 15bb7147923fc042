import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoServer, type DemoServer } from "./server.ts";

describe("demo portal server", () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
  });
  afterAll(() => demo.close());

  it("lists every page on the index and wraps pages in the layout with the patient banner", async () => {
    const index = await (await fetch(`${demo.url}/`)).text();
    for (const page of ["/chart", "/referral", "/direct", "/frames"]) expect(index).toContain(`href="${page}"`);
    const referral = await (await fetch(`${demo.url}/referral`)).text();
    expect(referral).toContain("Test Patient, Jane (DEMO)");
    expect(referral).toContain("Send Referral");
    expect(referral).toContain('aria-current="page"');
  });

  it("counts each form submission and answers with a Sent page, until reset", async () => {
    await fetch(`${demo.url}/__test/reset`, { method: "POST" });
    const sent = await fetch(`${demo.url}/api/referrals`, {
      method: "POST",
      body: new URLSearchParams([
        ["referTo", "1234567893"],
        ["attach", "a"],
        ["attach", "b"],
      ]),
    });
    expect(await sent.text()).toContain('data-demo-sent="referrals"');
    const { submissions } = (await (await fetch(`${demo.url}/__test/submissions`)).json()) as {
      submissions: { kind: string; fields: unknown }[];
    };
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ kind: "referrals", fields: { referTo: "1234567893", attach: ["a", "b"] } });
    expect(demo.submissions()).toEqual(submissions);
    await fetch(`${demo.url}/__test/reset`, { method: "POST" });
    expect(demo.submissions()).toEqual([]);
  });

  it("serves the cue pages under /cues/ and lists them with the corpus", async () => {
    const corpus = await (await fetch(`${demo.url}/corpus`)).text();
    expect(corpus).toContain('href="/cues/psychotherapy-referral"');
    const page = await fetch(`${demo.url}/cues/psychotherapy-referral`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Test Patient, Jane (DEMO)");
  });

  it("serves nothing outside its pages and static files", async () => {
    for (const path of [
      "/../server.ts",
      "/static/../server.ts",
      "/%2e%2e/package.json",
      "/layout",
      "/static/nope.js",
      "/cues/../server",
      "/cues/nope",
      "/cues/",
    ]) {
      const response = await fetch(`${demo.url}${path}`);
      expect(response.status, path).toBe(404);
    }
  });
});

/**
 * The extension's own share of a page's main-thread work, from a CPU profile (CDP Profiler, sampled every
 * 100 µs) of the page while `during` runs: self time of every function whose script is one of ours
 * (content.js and the parts it loads), beside the renderer's script time as the profile counts it (every
 * sample but idle and "(program)", the engine's own unattributed time; garbage collection included).
 */
type Cdp = { send(method: string, params?: object): Promise<unknown> };
type Profile = {
  nodes: { id: number; callFrame: { url: string; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
};

/** Not work: the sampler's names for an idle thread and for time it could not attribute. */
const NOT_WORK = new Set(["(idle)", "(program)"]);
const OURS = /^chrome-extension:\/\//;

export async function extensionSelfTime(cdp: Cdp, during: () => Promise<unknown>): Promise<{ ours: number; all: number }> {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  const stop = async () => ((await cdp.send("Profiler.stop")) as { profile: Profile }).profile;
  const profile = await during().then(stop, async (error: unknown) => {
    await stop();
    throw error;
  });
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  let ours = 0;
  let all = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!frame || NOT_WORK.has(frame.functionName)) return;
    all += delta;
    if (OURS.test(frame.url)) ours += delta;
  });
  return { ours: ours / 1000, all: all / 1000 };
}

// happy-dom has no requestIdleCallback; Chrome and Firefox, the browsers the content script runs in, do.
// Idle is a short timer here, as a browser with nothing else to do would give it.
if (typeof globalThis.requestIdleCallback !== "function") {
  globalThis.requestIdleCallback = (callback) => {
    const started = performance.now();
    return setTimeout(
      () => callback({ didTimeout: false, timeRemaining: () => Math.max(0, 5 - (performance.now() - started)) }),
      1,
    ) as unknown as number;
  };
  globalThis.cancelIdleCallback = (id) => clearTimeout(id);
}

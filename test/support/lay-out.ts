/** happy-dom has no layout (unit tests of what is in view): each element is placed by its data-top (px from the top of a 600 px viewport). */
export function layOut() {
  Object.defineProperty(window, "innerHeight", { value: 600, configurable: true });
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-top]"))) {
    const top = Number(el.dataset.top);
    el.getBoundingClientRect = () =>
      ({ top, bottom: top + 20, left: 10, right: 110, width: 100, height: 20, x: 10, y: top, toJSON: () => ({}) }) as DOMRect;
  }
}

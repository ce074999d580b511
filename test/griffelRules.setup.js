/**
 * jest setupFiles, for the files that run in jsdom: of Fluent UI's style rules (Griffel's atomic classes, a
 * thousand and more, in <style data-make-styles-bucket> elements) only those that hide an element reach jsdom's
 * style sheets.
 *
 * Why: jsdom's getComputedStyle matches every rule of every sheet against the element, and Testing Library calls
 * it for each element a role query considers (its accessible name, whether it is hidden) and user-event for each
 * click (pointer-events). With every Fluent rule in place that was about half of the pane tests' CPU. jsdom
 * does no layout, so the other rules decide nothing these tests can see; the rules that hide (a tab's reserved
 * copy of its label, say) do decide accessible names and what a role query finds, so they stay. How the pane
 * looks is tested in Chromium (test/e2e).
 */
const HIDES = /(?:^|[{;])\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|pointer-events\s*:\s*none)\s*(?:[;}]|!important)/;

if (typeof HTMLStyleElement !== 'undefined') {
  const sheet = Object.getOwnPropertyDescriptor(HTMLStyleElement.prototype, 'sheet');
  if (!sheet?.get) throw new Error('griffelRules.setup.js: jsdom no longer defines HTMLStyleElement.prototype.sheet');
  // Griffel writes only through `styleElement.sheet.insertRule(rule, sheet.cssRules.length)`.
  const filtered = new WeakMap();
  Object.defineProperty(HTMLStyleElement.prototype, 'sheet', {
    configurable: true,
    enumerable: sheet.enumerable,
    get() {
      const real = sheet.get.call(this);
      if (!real || !this.hasAttribute('data-make-styles-bucket')) return real;
      let kept = filtered.get(this);
      if (!kept) {
        kept = {
          get cssRules() {
            return real.cssRules;
          },
          insertRule: (rule) => (HIDES.test(rule) ? real.insertRule(rule, real.cssRules.length) : real.cssRules.length),
          deleteRule: (index) => real.deleteRule(index),
        };
        filtered.set(this, kept);
      }
      return kept;
    },
  });
}

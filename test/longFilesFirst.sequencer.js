/**
 * jest starts the longest files first so that no file is still running on one core after the rest have finished.
 * It knows a file's length from its previous run's cache, and without one (a clean CI run, a new worktree) from
 * the file's size: then the HyperFormula proof, four files of twelve lines that each evaluate 2,500 sheets, would
 * start last. Files named here start by the CPU seconds they were measured to take; a cached duration, when there
 * is one, wins. Failed files still go first, as jest's own sequencer does.
 */
const Sequencer = require('@jest/test-sequencer').default;

/** Path endings and their measured CPU seconds on the 2-core machine (npm test, jest --json). */
const KNOWN_LONG = [
  ['test/workbook/formulas.hyperformula.test.ts', 33],
  ['test/workbook/formulas.more.hyperformula.test.ts', 33],
  ['test/workbook/formulas.part3.hyperformula.test.ts', 33],
  ['test/workbook/formulas.part4.hyperformula.test.ts', 33],
  ['test/office/officePort.test.ts', 41],
];

function estimate(path) {
  const normalised = path.split('\\').join('/');
  const known = KNOWN_LONG.find(([ending]) => normalised.endsWith(ending));
  return known ? known[1] * 1000 : undefined;
}

class LongFilesFirst extends Sequencer {
  sort(tests) {
    // jest's order sets each test's cached duration: failed first, then by duration, then by size.
    const ordered = super.sort(tests);
    const rank = new Map(ordered.map((t, i) => [t, i]));
    const length = (t) => t.duration ?? estimate(t.path);
    return [...ordered].sort((a, b) => {
      const failed = Number(this.hasFailed(b)) - Number(this.hasFailed(a));
      if (failed !== 0) return failed;
      const la = length(a);
      const lb = length(b);
      // Files of known length, longest first; then the others in jest's order.
      if (la !== undefined && lb !== undefined) return lb - la || rank.get(a) - rank.get(b);
      if (la !== undefined || lb !== undefined) return la === undefined ? 1 : -1;
      return rank.get(a) - rank.get(b);
    });
  }
}

module.exports = LongFilesFirst;

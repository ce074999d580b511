/**
 * jest starts the longest files first so that no file is still running on one core after the rest have finished.
 * It knows a file's length from its previous run's cache, and without one (a clean CI run, a new worktree) from
 * the file's size: then the HyperFormula proof of `npm run test:scale`, four files of twelve lines that each evaluate
 * 2,500 sheets, would start last. The files named here start before all others, longest first (by their cached duration, else the
 * seconds they were measured to take), also when the cache knows only some files: a short file's duration
 * measured on a loaded machine must not put it before them. Failed files still go first, as jest's sequencer does.
 */
const Sequencer = require('@jest/test-sequencer').default;

/**
 * Path endings and their seconds in one npm test on the shared 2-core machine (jest --json, load about 15), measured
 * when these proofs were still part of npm test; now the scale tier's files (`npm run test:scale`).
 */
const KNOWN_LONG = [
  ['test/office/officePort.scale.test.ts', 266],
  ['test/workbook/formulas.more.hyperformula.scale.test.ts', 172],
  ['test/workbook/formulas.part4.hyperformula.scale.test.ts', 139],
  ['test/workbook/formulas.hyperformula.scale.test.ts', 132],
  ['test/workbook/formulas.part3.hyperformula.scale.test.ts', 128],
  ['test/workbook/groupsAndDerived.hyperformula.scale.test.ts', 95],
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
    const known = (t) => estimate(t.path) !== undefined;
    const length = (t) => t.duration ?? estimate(t.path);
    return [...ordered].sort((a, b) => {
      const failed = Number(this.hasFailed(b)) - Number(this.hasFailed(a));
      if (failed !== 0) return failed;
      if (known(a) !== known(b)) return known(a) ? -1 : 1;
      if (known(a)) return length(b) - length(a) || rank.get(a) - rank.get(b);
      return rank.get(a) - rank.get(b);
    });
  }
}

module.exports = LongFilesFirst;

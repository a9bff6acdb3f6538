// mocha's spec reporter, plus exact counts (and the titles of skipped tests, which the harness
// names and, in CI, fails on) written to DO_TEST_RESULTS_FILE for the harness.
const Mocha = require('mocha');
const { writeFileSync } = require('node:fs');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const pendingTitles = [];
    runner.on('pending', (test) => pendingTitles.push(test.fullTitle()));
    runner.once('end', () => {
      const file = process.env.DO_TEST_RESULTS_FILE;
      if (file) {
        const { passes, failures, pending } = runner.stats;
        writeFileSync(file, JSON.stringify({ passes, failures, pending, pendingTitles }));
      }
    });
  }
}

module.exports = CountReporter;

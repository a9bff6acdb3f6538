// mocha's spec reporter, plus exact counts (and the titles of skipped tests, which the harness
// names and, in CI, fails on; and the titles of failed ones, named again in the run's last lines) written to DO_TEST_RESULTS_FILE for the harness.
const Mocha = require('mocha');
const { writeFileSync } = require('node:fs');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const pendingTitles = [];
    const failedTitles = [];
    runner.on('pending', (test) => pendingTitles.push(test.fullTitle()));
    runner.on('fail', (test, error) => failedTitles.push(`${test.fullTitle()}: ${String(error?.message ?? error).split('\n')[0].slice(0, 200)}`));
    runner.once('end', () => {
      const file = process.env.DO_TEST_RESULTS_FILE;
      if (file) {
        const { passes, failures, pending } = runner.stats;
        writeFileSync(file, JSON.stringify({ passes, failures, pending, pendingTitles, failedTitles }));
      }
    });
  }
}

module.exports = CountReporter;

// mocha's spec reporter, plus exact counts written to DO_TEST_RESULTS_FILE for the harness.
const Mocha = require('mocha');
const { writeFileSync } = require('node:fs');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.DO_TEST_RESULTS_FILE;
      if (file) {
        const { passes, failures, pending } = runner.stats;
        writeFileSync(file, JSON.stringify({ passes, failures, pending }));
      }
    });
  }
}

module.exports = CountReporter;

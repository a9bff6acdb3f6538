/** `node:assert/strict` for the web suites: the npm `assert` package (Node's assert for browsers), strict mode. */
import assert from 'assert';

export = assert.strict;

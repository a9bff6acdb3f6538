/** The extension's log: a VS Code LogOutputChannel ("DigitalOcean"). Nothing logged contains a token. */
import * as vscode from 'vscode';

export type Logger = Pick<vscode.LogOutputChannel, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'show'>;

export function createLogger(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('DigitalOcean', { log: true });
}

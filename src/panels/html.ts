/**
 * The page shell of a detail panel: a strict Content-Security-Policy with a fresh nonce, the
 * bundled script and styles from dist/webview (the only local resource root), and no inline
 * handlers or API data: the content arrives afterwards as a message and is rendered as text. The
 * extension's translations (none in English) come once with the page, as JSON data the script
 * reads, not with every view it renders.
 */
import * as vscode from 'vscode';

export function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '');
}

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'panel.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'panel-style.css'));
  const n = nonce();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  const safeTitle = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  // data, not script: never executed, and "<" escaped so no text can close the element
  const translations = vscode.l10n.bundle
    ? `<script type="application/json" id="l10n">${JSON.stringify(vscode.l10n.bundle).replace(/</g, '\\u003c')}</script>\n`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}" nonce="${n}">
<title>${safeTitle}</title>
</head>
<body>
<main id="root" aria-live="polite"><p>${vscode.l10n.t('Loading…')}</p></main>
${translations}<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** Browser access to a bucket: the CORS rule that lets an editor in a browser read its answers, added or handed over. */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { isBrowserBlocked } from '../../api/errors';
import { type CorsRule, corsXml, editorRule, originPattern, originProblem, rulesAllowEditor, withEditorRule } from '../../api/spaces/spacesCors';
import { type Bucket } from '../../api/spaces/spaces';
import { plural } from '../../tree/format';
import { BucketNode } from '../../tree/nodes/spacesNodes';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { registerCommand } from '../register';
import { copyText, targetOf } from './targets';

export function registerSpacesCorsCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, spaces } = deps;

  const vscodeDev = 'https://*.vscode-cdn.net';

  /** The origin (pattern) a rule should allow: this browser's, or one chosen on the desktop. */
  async function askOrigin(bucket: Bucket): Promise<string> {
    const here = deps.machine.browserOrigin ? originPattern(deps.machine.browserOrigin) : undefined;
    const items = [
      ...(here ? [{ label: here, description: vscode.l10n.t('this editor'), origin: here }] : []),
      ...(here === vscodeDev
        ? []
        : [{ label: vscodeDev, description: vscode.l10n.t('vscode.dev and github.dev (their extensions run on a changing subdomain)'), origin: vscodeDev }]),
      { label: vscode.l10n.t('Other origin…'), origin: '' },
    ];
    const picked = await input.quickPick(items, { title: vscode.l10n.t('Allow browser access to {0}: from which origin?', bucket.name) });
    if (picked.origin) return picked.origin;
    return (
      await input.inputBox({
        title: vscode.l10n.t('Allow browser access to {0}: origin', bucket.name),
        prompt: vscode.l10n.t('e.g. https://editor.example.com, or https://*.example.com (one "*" at most)'),
        validateInput: originProblem,
      })
    ).trim();
  }

  /** The rule cannot be added from here (the bucket refuses this browser): hand it over. */
  async function handOver(bucket: Bucket, rule: CorsRule): Promise<void> {
    const copyRule = vscode.l10n.t('Copy Rule');
    const copyCommand = vscode.l10n.t('Copy s3cmd Command');
    let actions = [copyRule, copyCommand];
    let message = vscode.l10n.t(
      "{0} refuses this browser until one of its CORS rules allows it, so the rule cannot be added from here. Add it in the control panel (the bucket's Settings, CORS Configurations), with Allow Browser Access… in VS Code on the desktop, or with s3cmd (setcors replaces the bucket's rules: add theirs to the file). The rule allows {1} to GET, PUT, POST, DELETE and HEAD with any header, and exposes ETag.",
      bucket.name,
      rule.origins.join(', '),
    );
    for (;;) {
      const choice = await input.notify('warning', message, ...actions);
      if (choice === copyRule) await copyText(vscode.l10n.t('CORS rule'), corsXml([rule]));
      else if (choice === copyCommand) await copyText(vscode.l10n.t('s3cmd command'), `s3cmd setcors digitalocean-cors.xml s3://${bucket.name}`);
      else return;
      actions = actions.filter((a) => a !== choice);
      if (!actions.length) return;
      message = vscode.l10n.t('Copied. Also:');
    }
  }

  async function allowBrowserAccess(account: AccountInfo, bucket: Bucket): Promise<void> {
    const pattern = await askOrigin(bucket);
    const rule = editorRule(pattern);
    const client = await spaces.client(account);
    const sample = pattern.replace('*', 'x');
    let current: CorsRule[];
    try {
      current = await withProgress(vscode.l10n.t('Reading the CORS rules of {0}…', bucket.name), (signal) =>
        client.corsRules(bucket.region, bucket.name, signal),
      );
    } catch (error) {
      if (isBrowserBlocked(error)) return handOver(bucket, rule);
      throw error;
    }
    if (rulesAllowEditor(current, sample)) {
      void input.notify('info', vscode.l10n.t('{0} already lets {1} in: its CORS rules allow every method the editor uses.', bucket.name, pattern));
      return;
    }
    const next = withEditorRule(current, rule);
    const kept = next.length - 1;
    await input.confirm(
      vscode.l10n.t('Add a CORS rule to {0} that lets {1} in?', bucket.name, pattern),
      `${vscode.l10n.t('The rule goes first (S3 applies the first rule that matches); {0} stay as they are. Requests are still signed with your key: the rule only lets a browser read the answers.', kept ? plural(kept, vscode.l10n.t('other rule')) : vscode.l10n.t('no other rules'))}\n\n${corsXml([rule])}`,
      vscode.l10n.t('Add Rule'),
    );
    try {
      await withProgress(vscode.l10n.t('Adding the CORS rule to {0}…', bucket.name), (signal) => client.putCorsRules(bucket.region, bucket.name, next, signal));
    } catch (error) {
      if (isBrowserBlocked(error)) return handOver(bucket, rule);
      throw error;
    }
    log.info(`[${account.label}] CORS rule for ${pattern} added to ${bucket.name} (${plural(kept, 'other rule')} kept)`);
    spaces.changed(account, bucket.name);
    void input.notify('info', vscode.l10n.t('{0} now answers {1}.', bucket.name, pattern));
  }

  return [
    registerCommand(deps, 'digitalocean.spaces.allowBrowserAccess', vscode.l10n.t('Allow browser access'), async (arg) => {
      const t = targetOf(arg);
      if (!(t instanceof BucketNode)) throw new Error(vscode.l10n.t('Run this from a bucket.'));
      await allowBrowserAccess(t.account, t.bucket);
    }),
  ];
}

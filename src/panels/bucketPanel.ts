/**
 * A Spaces bucket's detail panel, in the same webview page as the resource panels: where it is and
 * how to reach it (URLs, its CDN endpoint), its CORS and lifecycle rules (read-only), the
 * account's keys that can reach it, and — on request, cancellable — how many objects it holds and
 * how much they weigh (a bucket can hold millions: counting is never started by opening).
 */
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import { cdnEndpoint } from '../api/resources/cdnEndpoint';
import { describeGrants, spacesKey } from '../api/resources/spacesKey';
import type { AccountInfo } from '../accounts/accountStore';
import type { Bucket } from '../api/spaces/spaces';
import type { Logger } from '../log';
import type { ResourceModel } from '../model/resourceModel';
import type { SpacesModel } from '../model/spaces';
import { bytes } from '../tree/format';
import { PanelHost } from './panelHost';
import type { FieldView, PanelView, SectionView, WebviewMessage } from './protocol';

export interface BucketPanelDeps {
  extensionUri: vscode.Uri;
  model: ResourceModel;
  spaces: SpacesModel;
  log: Logger;
}

const describe = (error: unknown) => (error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error));

export class BucketPanel extends PanelHost {
  private count: { objects: number; bytes: number; done: boolean; error?: string; controller?: AbortController } | undefined;
  private copies = new Map<string, string>();
  private buttons = new Set<string>();
  private throttle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deps: BucketPanelDeps,
    readonly account: AccountInfo,
    readonly bucket: Bucket,
    onDispose: () => void,
  ) {
    super(deps, { viewType: 'digitalocean.bucket', title: bucket.name, logName: 'Bucket panel' }, onDispose);
  }

  protected errorTitle(): string {
    return vscode.l10n.t('Details of {0}', this.bucket.name);
  }

  protected accepts(message: WebviewMessage): boolean {
    switch (message.type) {
      case 'ready':
      case 'refresh':
        return true;
      case 'copy':
        return this.copies.has(message.id);
      case 'button':
        return this.buttons.has(message.id);
      default:
        return false; // no ranges, secrets or links in this panel
    }
  }

  protected async handle(message: WebviewMessage): Promise<void> {
    if (message.type === 'copy') return this.copyToClipboard(this.copies.get(message.id)!);
    if (message.type === 'button' && message.id === 'count') this.startCounting();
    if (message.type === 'button' && message.id === 'stop') this.count?.controller?.abort();
    if (message.type === 'refresh') this.count = undefined;
    await this.render();
  }

  /** Lists every object (folders in parallel), updating the panel as pages arrive. */
  startCounting(): void {
    if (this.count && !this.count.done) return;
    const controller = new AbortController();
    const count = { objects: 0, bytes: 0, done: false, controller } as NonNullable<BucketPanel['count']>;
    this.count = count;
    void (async () => {
      try {
        const client = await this.deps.spaces.client(this.account);
        const objects = await client.listAll(this.bucket.region, this.bucket.name, '', controller.signal, (n) => {
          count.objects = n;
          this.scheduleRender();
        });
        count.objects = objects.length;
        count.bytes = objects.reduce((sum, o) => sum + o.size, 0);
      } catch (error) {
        count.error = controller.signal.aborted ? 'stopped' : describe(error);
      }
      count.done = true;
      if (!this.disposed) await this.render();
    })();
  }

  private scheduleRender(): void {
    if (this.throttle || this.disposed) return;
    this.throttle = setTimeout(() => {
      this.throttle = undefined;
      void this.render();
    }, 300);
  }

  async render(): Promise<void> {
    const { account, bucket } = this;
    const client = await this.deps.spaces.client(account);
    const copies = new Map<string, string>();
    const copy = (id: string, value: string) => (copies.set(id, value), id);
    const problems: string[] = [];
    const [cors, lifecycle, cdn, keys] = await Promise.all([
      client.corsRules(bucket.region, bucket.name).catch((e: unknown) => (problems.push(vscode.l10n.t('CORS rules: {0}', describe(e))), undefined)),
      client.lifecycleRules(bucket.region, bucket.name).catch((e: unknown) => (problems.push(vscode.l10n.t('lifecycle rules: {0}', describe(e))), undefined)),
      this.deps.model
        .cacheFor(account)
        .list(cdnEndpoint)
        .then(
          (list) => list.find((e) => e.origin === `${bucket.name}.${bucket.region}.digitaloceanspaces.com`),
          (e: unknown) => (problems.push(vscode.l10n.t('CDN endpoints: {0}', describe(e))), undefined),
        ),
      this.deps.model
        .cacheFor(account)
        .list(spacesKey)
        .catch((e: unknown) => (problems.push(`keys: ${describe(e)}`), [])),
    ]);
    const url = client.objectUrl(bucket.region, bucket.name, '').replace(/\/$/, '');
    const c = this.count;
    const contents: FieldView = !c
      ? { label: vscode.l10n.t('Objects'), value: 'not counted yet (Count Objects lists them all)', tone: 'muted' }
      : !c.done
        ? { label: vscode.l10n.t('Objects'), value: `counting… ${c.objects.toLocaleString('en-US')} so far`, tone: 'busy' }
        : c.error
          ? {
              label: vscode.l10n.t('Objects'),
              value: `counting ${c.error === 'stopped' ? 'stopped' : 'failed'} after ${c.objects.toLocaleString('en-US')}${c.error === 'stopped' ? '' : `: ${c.error}`}`,
              tone: c.error === 'stopped' ? 'muted' : 'error',
            }
          : { label: vscode.l10n.t('Objects'), value: `${c.objects.toLocaleString('en-US')} · ${bytes(c.bytes)}` };
    const sections: SectionView[] = [
      {
        id: 'bucket',
        title: vscode.l10n.t('Bucket'),
        type: 'fields',
        fields: [
          { label: vscode.l10n.t('Region'), value: bucket.region },
          ...(bucket.created ? [{ label: vscode.l10n.t('Created'), value: bucket.created }] : []),
          { label: 'URL', value: url, mono: true, copy: copy('url', url) },
          {
            label: vscode.l10n.t('CDN endpoint'),
            value: cdn ? `https://${cdn.custom_domain || cdn.endpoint}` : 'none',
            mono: Boolean(cdn),
            tone: cdn ? undefined : 'muted',
            copy: cdn ? copy('cdn', `https://${cdn.custom_domain || cdn.endpoint}`) : undefined,
          },
          contents,
        ],
      },
      {
        id: 'cors',
        title: vscode.l10n.t('CORS rules'),
        type: 'table',
        columns: [vscode.l10n.t('Origins'), vscode.l10n.t('Methods'), vscode.l10n.t('Headers'), vscode.l10n.t('Max age')],
        rows: (cors ?? []).map((r) => [
          r.origins.join(', '),
          r.methods.join(', '),
          r.headers.join(', ') || '—',
          r.maxAgeSeconds === undefined ? '—' : `${r.maxAgeSeconds} s`,
        ]),
        empty: cors ? vscode.l10n.t('No CORS rules: browsers on other sites cannot read its objects with scripts.') : vscode.l10n.t('Could not be read.'),
      },
      {
        id: 'lifecycle',
        title: vscode.l10n.t('Lifecycle rules'),
        type: 'table',
        columns: [
          vscode.l10n.t('Rule'),
          vscode.l10n.t('Prefix'),
          vscode.l10n.t('Status'),
          vscode.l10n.t('Expire after'),
          vscode.l10n.t('Abort incomplete uploads after'),
        ],
        rows: (lifecycle ?? []).map((r) => [
          r.id || '—',
          r.prefix || '(all)',
          r.enabled ? 'enabled' : 'disabled',
          r.expirationDays === undefined ? '—' : `${r.expirationDays} days`,
          r.abortIncompleteDays === undefined ? '—' : `${r.abortIncompleteDays} days`,
        ]),
        empty: lifecycle ? vscode.l10n.t('No lifecycle rules.') : vscode.l10n.t('Could not be read.'),
      },
      {
        id: 'keys',
        title: vscode.l10n.t('Keys that reach it'),
        type: 'table',
        columns: [vscode.l10n.t('Name'), vscode.l10n.t('Access key'), vscode.l10n.t('Access')],
        rows: keys
          .filter((k) => k.grants.some((g) => g.bucket === bucket.name || (g.bucket === '' && g.permission === 'fullaccess')))
          .map((k) => [k.name, { text: k.access_key, mono: true }, describeGrants(k.grants)]),
        empty: vscode.l10n.t('No key of this account names this bucket.'),
      },
    ];
    const counting = c !== undefined && !c.done;
    const buttons = counting
      ? [{ id: 'stop', label: vscode.l10n.t('Stop Counting') }]
      : [{ id: 'count', label: c?.done ? vscode.l10n.t('Count Again') : vscode.l10n.t('Count Objects'), primary: true }];
    const view: PanelView = {
      kindLabel: vscode.l10n.t('Spaces bucket'),
      title: bucket.name,
      subtitle: `${bucket.region} · ${account.label}`,
      buttons,
      sections,
      raw: JSON.stringify({ ...bucket, cors, lifecycle }, null, 2),
      notice: problems.length ? vscode.l10n.t('Part of this panel could not be loaded: {0}', problems.join('; ')) : undefined,
    };
    if (this.disposed) return;
    this.copies = copies;
    this.buttons = new Set(buttons.map((b) => b.id));
    await this.show(view);
  }

  protected override disposing(): void {
    this.count?.controller?.abort();
    clearTimeout(this.throttle);
  }
}

/** One panel per bucket, revealed when asked again. */
export class BucketPanels implements vscode.Disposable {
  private readonly panels = new Map<string, BucketPanel>();

  constructor(private readonly deps: BucketPanelDeps) {}

  open(account: AccountInfo, bucket: Bucket): BucketPanel {
    const key = `${account.id}/${bucket.region}/${bucket.name}`;
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = new BucketPanel(this.deps, account, bucket, () => this.panels.delete(key));
    this.panels.set(key, panel);
    return panel;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
  }
}

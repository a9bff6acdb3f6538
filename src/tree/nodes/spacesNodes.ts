/**
 * Spaces in the Resources view: Account-wide → Spaces → buckets (every region) → prefixes as
 * folders → objects. A prefix shows its first 1,000 entries; "Load more…" adds the next page, so
 * a prefix with 100,000 objects costs one request per thousand the user asks to see.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { type Bucket, type SpacesObject, fileNameProblem, unsafeKeyReason, visibleName } from '../../api/spaces/spaces';
import { NoSpacesKeyError, SPACES_SCHEME, spacesUriParts } from '../../model/spaces';
import type { SpacesTreeServices } from '../services';
import { bytes, md, relativeTime } from '../format';
import { ExplorerNode, MessageNode } from './base';
import { isBrowserBlocked } from '../../api/errors';
import { errorNode } from './folderNode';

/** What commands get from a Spaces node. */
export interface SpacesTarget {
  account: AccountInfo;
  bucket?: Bucket;
  /** Folder prefix ("photos/") or object key. */
  key?: string;
  isFolder?: boolean;
  object?: SpacesObject;
}

export function spacesUri(account: AccountInfo, bucket: Bucket, key: string): vscode.Uri {
  const { authority, path } = spacesUriParts({ accountId: account.id, region: bucket.region, bucket: bucket.name, key });
  return vscode.Uri.from({ scheme: SPACES_SCHEME, authority, path });
}

export class SpacesRootNode extends ExplorerNode implements SpacesTarget {
  readonly id: string;

  constructor(
    override readonly parent: ExplorerNode,
    readonly account: AccountInfo,
    private readonly services: SpacesTreeServices,
  ) {
    super();
    this.id = `${parent.id}/spaces`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Spaces'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.contextValue = 'spaces.root';
    item.accessibilityInformation = { label: vscode.l10n.t('Spaces, object storage of {0}', this.account.label) };
    item.tooltip = vscode.l10n.t("Spaces object storage: buckets of every region (S3, with this account's Spaces key)");
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    try {
      const { buckets, failures, listBlocked } = await this.services.spaces.buckets(this.account);
      const nodes: ExplorerNode[] = buckets.map((b) => new BucketNode(this, this.account, b, this.services));
      for (const f of failures) nodes.push(errorNode(this, vscode.l10n.t('Could not list the buckets in {0}', f.region), f.error));
      if (listBlocked) {
        // The browser cannot read S3's list of buckets (it answers no CORS preflight): name them.
        nodes.push(
          new MessageNode(`${this.id}/name-bucket`, vscode.l10n.t('Buckets cannot be listed in a browser'), {
            detail: vscode.l10n.t('Add Bucket by Name…'),
            icon: 'add',
            tooltip: vscode.l10n.t('A browser may not read the list of your buckets (Spaces answer it without CORS). Name a bucket to open it here.'),
            command: { command: 'digitalocean.spaces.nameBucket', title: vscode.l10n.t('Add Bucket by Name'), arguments: [this] },
          }),
        );
      } else if (!nodes.length) {
        nodes.push(
          new MessageNode(`${this.id}/empty`, vscode.l10n.t('No buckets'), {
            detail: vscode.l10n.t('Create Bucket…'),
            icon: 'add',
            command: { command: 'digitalocean.spaces.createBucket', title: vscode.l10n.t('Create Bucket'), arguments: [this] },
          }),
        );
      }
      return nodes;
    } catch (error) {
      if (error instanceof NoSpacesKeyError) {
        const demo = this.account.demo && this.services.spaces.regions(this.account).length === 0;
        return [
          new MessageNode(`${this.id}/no-key`, demo ? vscode.l10n.t('The demo account has no Spaces') : vscode.l10n.t('Spaces need an access key'), {
            detail: demo ? undefined : vscode.l10n.t('Set Spaces Key…'),
            icon: demo ? 'info' : 'key',
            command: demo ? undefined : { command: 'digitalocean.spaces.setKey', title: vscode.l10n.t('Set Spaces Key'), arguments: [this] },
            contextValue: 'message.spacesKey',
          }),
        ];
      }
      return [errorNode(this, vscode.l10n.t('Could not list the buckets'), error)];
    }
  }

  override invalidate(): void {
    this.services.spaces.forgetAccount(this.account.id);
  }
}

/** A bucket or a prefix in one: both list what is directly under a prefix. */
export class PrefixNode extends ExplorerNode implements SpacesTarget {
  readonly id: string;
  readonly isFolder = true;

  constructor(
    override readonly parent: ExplorerNode,
    readonly account: AccountInfo,
    readonly bucket: Bucket,
    /** "" for the bucket's top, else "photos/2024/". */
    readonly key: string,
    protected readonly services: SpacesTreeServices,
  ) {
    super();
    this.id = `${account.id}/spaces/${bucket.region}/${bucket.name}/${key}`;
  }

  get label(): string {
    return this.key.slice(0, -1).split('/').pop() ?? this.key;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = vscode.ThemeIcon.Folder;
    item.resourceUri = spacesUri(this.account, this.bucket, this.key);
    item.contextValue = 'spaces.prefix';
    item.tooltip = `${this.bucket.name}/${this.key}`;
    item.accessibilityInformation = { label: vscode.l10n.t('folder {0} in bucket {1}', this.label, this.bucket.name) };
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    try {
      const listing = await this.services.spaces.listing(this.account, this.bucket, this.key);
      const nodes: ExplorerNode[] = [
        ...listing.prefixes.map((p) => new PrefixNode(this, this.account, this.bucket, p, this.services)),
        ...listing.objects.map((o) => new ObjectNode(this, this.account, this.bucket, o)),
      ];
      if (listing.nextToken) {
        const shown = listing.prefixes.length + listing.objects.length;
        nodes.push(
          new MessageNode(`${this.id}/more-${shown}`, vscode.l10n.t('Load more…'), {
            detail: `${shown.toLocaleString('en-US')} shown`,
            icon: 'ellipsis',
            command: { command: 'digitalocean.spaces.loadMore', title: vscode.l10n.t('Load More'), arguments: [this] },
            contextValue: 'spaces.loadMore',
          }),
        );
      }
      if (!nodes.length)
        nodes.push(new MessageNode(`${this.id}/empty`, this.key ? vscode.l10n.t('Empty folder') : vscode.l10n.t('Empty bucket'), { icon: 'info' }));
      return nodes;
    } catch (error) {
      if (isBrowserBlocked(error)) {
        const bucketNode = this.bucketNode();
        return [
          new MessageNode(`${this.id}/blocked`, vscode.l10n.t('{0} does not answer this editor', this.bucket.name), {
            detail: vscode.l10n.t('Allow Browser Access…'),
            icon: 'shield',
            tooltip: error.message,
            command: { command: 'digitalocean.spaces.allowBrowserAccess', title: vscode.l10n.t('Allow Browser Access'), arguments: [bucketNode] },
            contextValue: 'message.error',
          }),
        ];
      }
      return [errorNode(this, vscode.l10n.t('Could not list {0}/{1}', this.bucket.name, this.key), error)];
    }
  }

  override invalidate(): void {
    this.services.spaces.changed(this.account, this.bucket.name, this.key);
  }

  /** The bucket this prefix is in. */
  bucketNode(): BucketNode | undefined {
    if (this instanceof BucketNode) return this;
    let node: ExplorerNode | undefined = this.parent;
    while (node && !(node instanceof BucketNode)) node = node.parent;
    return node;
  }
}

export class BucketNode extends PrefixNode {
  constructor(parent: ExplorerNode, account: AccountInfo, bucket: Bucket, services: SpacesTreeServices) {
    super(parent, account, bucket, '', services);
    services.showBucket(this);
  }

  override get label(): string {
    return this.bucket.name;
  }

  override toTreeItem(): vscode.TreeItem {
    const item = super.toTreeItem();
    item.iconPath = new vscode.ThemeIcon('database');
    item.description = this.bucket.region;
    item.contextValue = 'spaces.bucket';
    const tooltip = new vscode.MarkdownString(vscode.l10n.t('**{0}** · Spaces bucket in {1}', md(this.bucket.name), md(this.bucket.region)));
    if (this.bucket.created) tooltip.appendMarkdown(vscode.l10n.t('\n\nCreated {0}', md(this.bucket.created)));
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: vscode.l10n.t('bucket {0} in {1}', this.bucket.name, this.bucket.region) };
    return item;
  }
}

export class ObjectNode extends ExplorerNode implements SpacesTarget {
  readonly id: string;

  constructor(
    override readonly parent: ExplorerNode,
    readonly account: AccountInfo,
    readonly bucket: Bucket,
    readonly object: SpacesObject,
  ) {
    super();
    this.id = `${account.id}/spaces/${bucket.region}/${bucket.name}/${object.key}`;
  }

  get key(): string {
    return this.object.key;
  }

  toTreeItem(): vscode.TreeItem {
    const o = this.object;
    const name = o.key.split('/').pop() || o.key;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const uri = spacesUri(this.account, this.bucket, o.key);
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.description = [
      bytes(o.size),
      o.lastModified ? relativeTime(o.lastModified) : undefined,
      o.storageClass && o.storageClass !== 'STANDARD' ? o.storageClass : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = new vscode.MarkdownString(
      vscode.l10n.t(
        '**{0}**\n\n{1} ({2} bytes) · modified {3}{4}\n\nETag `{5}`',
        md(o.key),
        md(bytes(o.size)),
        o.size.toLocaleString('en-US'),
        md(o.lastModified),
        o.storageClass ? ` · ${md(o.storageClass)}` : '',
        md(o.etag),
      ),
    );
    item.contextValue = 'spaces.object';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    item.accessibilityInformation = { label: `object ${name}, ${bytes(o.size)}` };
    const unsafe = unsafeKeyReason(o.key) ?? fileNameProblem(o.key.split('/').pop() ?? '');
    if (unsafe) {
      // someone else's name that a request or a file system would read as something else: shown
      // escaped and marked, with no command (the client refuses it too: spacesClient.checkPath)
      item.label = visibleName(name);
      item.description = vscode.l10n.t('unsafe name');
      item.tooltip = new vscode.MarkdownString(
        vscode.l10n.t('**{0}**\n\nNot opened, downloaded or changed from here: {1}.', md(visibleName(o.key)), md(unsafe)),
      );
      item.contextValue = 'spaces.unsafeObject';
      item.command = undefined;
      item.resourceUri = undefined;
      item.iconPath = new vscode.ThemeIcon('warning');
      item.accessibilityInformation = { label: vscode.l10n.t('object with an unsafe name {0}: {1}', visibleName(name), unsafe) };
    }
    return item;
  }
}

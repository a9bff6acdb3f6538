/**
 * Custom images: Import Custom Image (a wizard with Back: the image's URL — http(s), a raw,
 * qcow2, vhdx, vdi or vmdk file, gzip or bzip2 allowed —, a name suggested from the file, the
 * region, the distribution and a description, then a summary; followed until DigitalOcean has
 * fetched it), Rename or Describe (read fresh; a summary of what changes), Copy to Another Region
 * (the image's action, followed by reading that action until it completes) and Show Image History
 * (its actions, newest first). A droplet snapshot can be transferred to another account (by its
 * email or team UUID; confirmed; the pending transfer remembered here so that it can be
 * cancelled), and a transfer sent to this account accepted or declined by the ids in its email.
 */
import type * as vscode from 'vscode';
import { type Image, image as imageKind } from '../../api/resources/image';
import { region as regionKind } from '../../api/resources/region';
import type { Action } from '../../api';
import { waitForReady } from '../../api';
import { imagePresenter } from '../../tree/kinds/image';
import { snapshotPresenter } from '../../tree/kinds/snapshot';
import { snapshot as snapshotKind } from '../../api/resources/snapshot';
import { withProgress } from '../../ui/progress';
import { runWizard } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { accountTarget, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { regionStep, summaryStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard, waitUntilReady } from '../wizard/create';
import * as l10n from '@vscode/l10n';

/** The spec's distributions (any other is stored as Unknown). */
export const DISTRIBUTIONS = [
  'Ubuntu',
  'Debian',
  'Fedora',
  'Rocky Linux',
  'CentOS',
  'Arch Linux',
  'openSUSE',
  'FreeBSD',
  'Gentoo',
  'CoreOS',
  'Fedora Atomic',
  'RancherOS',
  'Unknown',
] as const;

const IMAGE_FILE = /\.(img|raw|qcow2|vhdx|vdi|vmdk)(\.(gz|bz2))?$/i;

/** Why an image URL is refused: http(s), a host, a path ending in a format DigitalOcean reads. */
export function imageUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return l10n.t('A URL: https://example.com/image.qcow2');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return l10n.t('An http:// or https:// URL (DigitalOcean fetches it).');
  if (url.username || url.password) return l10n.t('No user or password in the URL: DigitalOcean must fetch it as it is, and it would be kept.');
  if (!IMAGE_FILE.test(url.pathname)) return l10n.t('The file must be .img, .raw, .qcow2, .vhdx, .vdi or .vmdk, optionally .gz or .bz2.');
  return undefined;
}

/** Why an image name is refused: 1 to 255 characters, no control characters. */
export function imageNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  const v = value.trim();
  if (!v) return l10n.t('A name is required.');
  if (v.length > 255) return l10n.t('At most 255 characters.');
  if (/[\u0000-\u001f\u007f]/.test(v)) return l10n.t('No control characters.');
  return taken.includes(v) ? l10n.t('The account has an image named {0} already.', v) : undefined;
}

/** A name from the URL's file: "noble-server-cloudimg-amd64.img.gz" → "noble-server-cloudimg-amd64". */
export function nameFromUrl(value: string): string {
  try {
    const file = decodeURIComponent(new URL(value.trim()).pathname.split('/').pop() ?? '');
    return file
      .replace(IMAGE_FILE, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .slice(0, 255);
  } catch {
    return '';
  }
}

interface Plan {
  url: string;
  name: string;
  region: string;
  distribution: string;
  description: string;
}

/** Where the pending transfers this editor started are kept (ids only: nothing secret). */
const TRANSFERS_KEY = 'digitalocean.imageTransfers';
type Transfers = Record<string, { transferId: number; to: string }>;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idProblem = (what: string) => (v: string) => (/^[1-9]\d{0,15}$/.test(v.trim()) ? undefined : l10n.t('{0}: the number in the transfer email.', what));

export function registerImageCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model, state } = deps;
  const transfersKey = (accountId: string, imageId: string) => `${accountId}:${imageId}`;
  const remember = async (key: string, value: Transfers[string] | undefined) => {
    const all = { ...(state.get<Transfers>(TRANSFERS_KEY) ?? {}) };
    if (value) all[key] = value;
    else delete all[key];
    await state.update(TRANSFERS_KEY, all);
  };
  /** An incoming transfer's ids, typed from its email, then the call; the snapshots are read again. */
  const incoming = (accept: boolean) => async (arg: unknown) => {
    const account = await accountTarget(deps, arg, accept ? l10n.t('Accept a transfer into which account?') : l10n.t('Decline a transfer to which account?'));
    const title = accept ? l10n.t('Accept an image transfer into {0}', account.label) : l10n.t('Decline an image transfer to {0}', account.label);
    const plan = { image: '', transfer: '' };
    await runWizard(plan, [
      async (p, s) => {
        p.image = (
          await input.inputBox({
            title,
            ...s,
            prompt: l10n.t('Image ID (from the transfer email)'),
            value: p.image,
            validateInput: idProblem(l10n.t('Image ID')),
          })
        ).trim();
      },
      async (p, s) => {
        p.transfer = (
          await input.inputBox({
            title,
            ...s,
            prompt: l10n.t('Transfer ID (from the transfer email)'),
            value: p.transfer,
            validateInput: idProblem(l10n.t('Transfer ID')),
          })
        ).trim();
      },
    ]);
    await input.confirm(
      accept ? l10n.t('Accept image {0} into {1}?', plan.image, account.label) : l10n.t('Decline image {0}?', plan.image),
      accept
        ? l10n.t('It becomes a snapshot of {0}, billed to it from now on.', account.label)
        : l10n.t('It stays with the account that sent it; the sender is told.'),
      accept ? l10n.t('Accept') : l10n.t('Decline'),
    );
    const client = model.client(account);
    // the team it goes to: the account's own, read fresh (the token's team)
    const team = accept ? (await withProgress(l10n.t('Reading {0}…', account.label), (signal) => client.account({ signal }))).team?.uuid : undefined;
    if (accept && !team) throw new Error(l10n.t('{0} has no team to receive the image in.', account.label));
    const body = { transfer_id: Number(plan.transfer), ...(accept ? { recipient_uuid: team } : {}) };
    await withProgress(accept ? l10n.t('Accepting image {0}…', plan.image) : l10n.t('Declining image {0}…', plan.image), (signal) =>
      client.request<void>('POST', `/v2/images/${encodeURIComponent(plan.image)}/account_transfer/${accept ? 'accept' : 'decline'}`, { body, signal }),
    );
    log.info(`[${account.label}] Image transfer ${plan.transfer} of image ${plan.image}: ${accept ? 'accepted' : 'declined'}`);
    if (accept) model.reloadKind(account, snapshotKind.kind, true);
    void input.notify('info', accept ? l10n.t('Image {0} is a snapshot of {1} now.', plan.image, account.label) : l10n.t('Image {0} declined.', plan.image));
    return plan.transfer;
  };
  const descriptionProblem = (v: string) => (v.length > 1024 ? l10n.t('At most 1,024 characters.') : undefined);

  return [
    registerCommand(deps, 'digitalocean.image.create', l10n.t('Import custom image'), async (arg) => {
      const account = await accountTarget(deps, arg, l10n.t('Import an image into which account?'));
      const cache = model.cacheFor(account);
      const [images, regions] = await withProgress(l10n.t('Loading images and regions…'), () => Promise.all([cache.list(imageKind), cache.list(regionKind)]));
      const taken = images.map((i) => i.name);
      const title = l10n.t('Import custom image');
      return runCreateWizard<Plan, Image>(deps, {
        title,
        account,
        kind: imageKind,
        plan: { url: '', name: '', region: 'nyc3', distribution: 'Ubuntu', description: '' },
        prompts: [
          async (p, s) => {
            const url = (
              await input.inputBox({
                title,
                ...s,
                prompt: l10n.t('URL of the image file (DigitalOcean downloads it; at most 100 GB unpacked)'),
                value: p.url,
                placeHolder: 'https://cloud-images.ubuntu.com/…/server-cloudimg-amd64.img',
                validateInput: imageUrlProblem,
              })
            ).trim();
            if (url !== p.url) Object.assign(p, { url, name: '' });
          },
          async (p, s) => {
            p.name = (
              await input.inputBox({
                title,
                ...s,
                prompt: l10n.t('Image name'),
                value: p.name || nameFromUrl(p.url),
                validateInput: (v) => imageNameProblem(v, taken),
              })
            ).trim();
          },
          regionStep<Plan>(
            input,
            title,
            () => regions.filter((r) => r.available).map((r) => ({ slug: r.slug, name: r.name })),
            () => l10n.t('Region it is imported into (copy it to others later)'),
          ),
          async (p, s) => {
            p.distribution = (
              await input.quickPick(
                DISTRIBUTIONS.map((d) => ({ label: d, picked: d === p.distribution })),
                { title, ...s, placeHolder: l10n.t('Distribution (sets how droplets made from it are set up)') },
              )
            ).label;
          },
          async (p, s) => {
            p.description = (
              await input.inputBox({ title, ...s, prompt: l10n.t('Description (optional)'), value: p.description, validateInput: descriptionProblem })
            ).trim();
          },
          summaryStep<Plan>(input, title, (p) => ({
            label: l10n.t('Import {0}', p.name),
            description: `${p.distribution} · ${p.region} · ${new URL(p.url).host}`,
            detail: l10n.t('stored images cost $0.06 per GB a month'),
          })),
        ],
        execute: [
          create({
            progress: (p) => l10n.t('Importing {0}…', p.name),
            detail: (p) => `${p.distribution}, ${p.region}, from ${new URL(p.url).host}`,
            send: ({ plan }, signal) =>
              cache.client.create<Image>(
                imageKind,
                { name: plan.name, url: plan.url, region: plan.region, distribution: plan.distribution, description: plan.description },
                { signal },
              ),
          }),
          waitUntilReady({
            progress: (c) => l10n.t('Importing {0}: DigitalOcean is downloading it (minutes for a large file)…', c.name),
            state: (i) => {
              if (i.status === 'available') return 'ready';
              if (i.status === 'deleted' || i.error_message)
                throw new Error(l10n.t('DigitalOcean could not import {0}: {1}', i.name, i.error_message || i.status));
              return 'pending';
            },
          }),
          reveal(),
          notify((c) => (c.ready ? { message: l10n.t('{0} is imported into {1}: droplets can be made from it.', c.name, c.plan.region) } : undefined)),
        ],
      });
    }),

    registerCommand(deps, 'digitalocean.image.edit', l10n.t('Rename or describe image'), async (arg) => {
      const node = await resourceTarget(deps, arg, imagePresenter, l10n.t('Change which image?'));
      const client = model.client(node.account);
      const image = await withProgress(l10n.t('Reading image {0}…', node.name), (signal) => client.get<Image>(imageKind, node.resourceId, { signal }));
      const taken = (await model.cacheFor(node.account).list(imageKind)).filter((i) => i.id !== image.id).map((i) => i.name);
      const title = l10n.t('Change image {0}', image.name);
      const plan = { name: image.name, description: image.description ?? '', distribution: image.distribution };
      await runWizard(plan, [
        async (p, s) => {
          p.name = (await input.inputBox({ title, ...s, prompt: l10n.t('Name'), value: p.name, validateInput: (v) => imageNameProblem(v, taken) })).trim();
        },
        async (p, s) => {
          p.description = (
            await input.inputBox({ title, ...s, prompt: l10n.t('Description'), value: p.description, validateInput: descriptionProblem })
          ).trim();
        },
        async (p, s) => {
          p.distribution = (
            await input.quickPick(
              DISTRIBUTIONS.map((d) => ({ label: d, description: d === image.distribution ? l10n.t('now') : undefined, picked: d === p.distribution })),
              { title, ...s, placeHolder: l10n.t('Distribution') },
            )
          ).label;
        },
        summaryStep<typeof plan>(input, title, (p) => {
          const changes = [
            p.name !== image.name ? `${image.name} → ${p.name}` : '',
            p.description !== (image.description ?? '') ? l10n.t('new description') : '',
            p.distribution !== image.distribution ? `${image.distribution} → ${p.distribution}` : '',
          ].filter(Boolean);
          return { label: l10n.t('Save {0}', p.name), description: changes.join(' · ') || l10n.t('nothing changes') };
        }),
      ]);
      const saved = await withProgress(l10n.t('Saving image {0}…', plan.name), (signal) => client.update<Image>(imageKind, node.resourceId, plan, { signal }));
      log.info(`[${node.account.label}] Image ${image.name}: saved as ${saved.name} (${saved.distribution})`);
      await model.reloadResource(node.ref);
      return saved.name;
    }),

    registerCommand(deps, 'digitalocean.image.transfer', l10n.t('Copy image to another region'), async (arg) => {
      const node = await resourceTarget(deps, arg, imagePresenter, l10n.t('Copy which image?'));
      const client = model.client(node.account);
      const [image, regions] = await withProgress(l10n.t('Reading image {0}…', node.name), (signal) =>
        Promise.all([client.get<Image>(imageKind, node.resourceId, { signal }), model.cacheFor(node.account).list(regionKind)]),
      );
      if (image.status !== 'available') throw new Error(l10n.t('{0} is {1}: it can be copied once it is available.', image.name, image.status));
      const offered = regions.filter((r) => r.available && !image.regions.includes(r.slug));
      if (!offered.length) throw new Error(l10n.t('{0} is in every region already.', image.name));
      const region = (
        await input.quickPick(
          offered.map((r) => ({ label: r.slug, description: r.name })),
          {
            title: l10n.t('Copy {0} (in {1})', image.name, image.regions.join(', ')),
            placeHolder: l10n.t('To which region? Each copy is stored and billed on its own.'),
          },
        )
      ).label;
      const done = await withProgress(l10n.t('Copying {0} to {1}…', image.name, region), async (signal, report) => {
        const action = await client.act(imageKind, node.resourceId, 'transfer', { region }, { signal });
        log.info(`[${node.account.label}] Image ${image.name}: copy to ${region} started (action ${action.id})`);
        report(l10n.t('waiting for DigitalOcean to finish'));
        // the image's own action endpoint, read until the action ends
        return waitForReady(
          (s) =>
            client
              .request<{ action: Action }>('GET', `/v2/images/${encodeURIComponent(node.resourceId)}/actions/${action.id}`, { signal: s })
              .then((b) => b.action),
          (a) => {
            if (a.status === 'errored') throw new Error(l10n.t('DigitalOcean could not copy {0} to {1}.', image.name, region));
            return a.status === 'completed' ? 'ready' : 'pending';
          },
          { signal, what: l10n.t('Copying {0} to {1}', image.name, region) },
        );
      });
      log.info(`[${node.account.label}] Image ${image.name}: copied to ${region} (action ${done.id})`);
      await model.reloadResource(node.ref);
      void input.notify('info', l10n.t('{0} is in {1} now.', image.name, region));
      return region;
    }),

    registerCommand(deps, 'digitalocean.image.history', l10n.t('Show image history'), async (arg) => {
      const node = await resourceTarget(deps, arg, imagePresenter, l10n.t('The history of which image?'));
      const client = model.client(node.account);
      const actions = await withProgress(l10n.t('Reading the history of {0}…', node.name), (signal) =>
        client.request<{ actions?: Action[] }>('GET', `/v2/images/${encodeURIComponent(node.resourceId)}/actions`, { query: { per_page: 50 }, signal }),
      );
      const list = actions.actions ?? [];
      if (!list.length) {
        void input.notify('info', l10n.t('{0} has no actions yet (imports and copies are listed here).', node.name));
        return 0;
      }
      await input.quickPick(
        list.map((a) => ({
          label: `${a.type} · ${a.status}`,
          description: [a.region_slug, a.started_at ? new Date(a.started_at).toLocaleString() : ''].filter(Boolean).join(' · '),
        })),
        { title: l10n.t('History of {0}', node.name), placeHolder: l10n.t('{0} actions, newest first', list.length) },
      );
      return list.length;
    }),
    registerCommand(deps, 'digitalocean.image.transferToAccount', l10n.t('Transfer snapshot to another account'), async (arg) => {
      const node = await resourceTarget(
        deps,
        arg,
        snapshotPresenter,
        l10n.t('Transfer which snapshot?'),
        (s) => (s as { resource_type?: string }).resource_type === 'droplet',
      );
      const snap = node.item as { id: string; name: string; resource_type: string; size_gigabytes: number };
      if (snap.resource_type !== 'droplet') throw new Error(l10n.t('Only droplet snapshots move between accounts ({0} is a volume snapshot).', snap.name));
      const key = transfersKey(node.account.id, snap.id);
      const known = state.get<Transfers>(TRANSFERS_KEY)?.[key];
      if (known) throw new Error(l10n.t('{0} is on its way to {1} already (transfer {2}): cancel that first.', snap.name, known.to, known.transferId));
      const title = l10n.t('Transfer {0} to another account', snap.name);
      const plan = { by: 'email' as 'email' | 'team', to: '' };
      await runWizard(plan, [
        async (p, s) => {
          p.by = (
            await input.quickPick(
              [
                {
                  label: l10n.t('To a person, by email…'),
                  description: l10n.t('they accept it from the email DigitalOcean sends'),
                  by: 'email' as const,
                  picked: p.by === 'email',
                },
                {
                  label: l10n.t('To a team, by its UUID…'),
                  description: l10n.t('a team you belong to takes it at once'),
                  by: 'team' as const,
                  picked: p.by === 'team',
                },
              ],
              { title, ...s, placeHolder: l10n.t('Send it to') },
            )
          ).by;
        },
        async (p, s) => {
          p.to = (
            await input.inputBox({
              title,
              ...s,
              prompt: p.by === 'email' ? l10n.t('Email of the DigitalOcean user') : l10n.t('UUID of the team'),
              value: p.to,
              validateInput: (v) =>
                p.by === 'email'
                  ? EMAIL.test(v.trim())
                    ? undefined
                    : l10n.t('An email address.')
                  : UUID.test(v.trim())
                    ? v.trim() === node.account.teamUuid
                      ? l10n.t('That is this account’s own team.')
                      : undefined
                    : l10n.t('A team UUID: 8-4-4-4-12 hexadecimal digits.'),
            })
          ).trim();
        },
      ]);
      await input.confirm(
        l10n.t('Transfer {0} to {1}?', snap.name, plan.to),
        l10n.t(
          'It leaves {0} once accepted ({1} GB, no longer billed here). Until then it stays, and the transfer can be cancelled.',
          node.account.label,
          snap.size_gigabytes,
        ),
        l10n.t('Transfer'),
      );
      const client = model.client(node.account);
      const answer = await withProgress(l10n.t('Transferring {0}…', snap.name), (signal) =>
        client.request<{ transfer_id?: number }>('POST', `/v2/images/${encodeURIComponent(snap.id)}/account_transfer`, {
          body: plan.by === 'email' ? { recipient_email: plan.to } : { recipient_uuid: plan.to },
          signal,
        }),
      );
      const transferId = Number(answer?.transfer_id ?? 0);
      log.info(`[${node.account.label}] Snapshot ${snap.name}: transfer ${transferId} to another account ${transferId === 0 ? 'accepted' : 'pending'}`);
      if (transferId === 0) {
        model.reloadKind(node.account, snapshotKind.kind, true);
        void input.notify('info', l10n.t('{0} was accepted at once and has left {1}.', snap.name, node.account.label));
        return 0;
      }
      await remember(key, { transferId, to: plan.to });
      void input.notify(
        'info',
        l10n.t('{0} waits for {1} to accept it (transfer {2}). Cancel Account Transfer stops it until then.', snap.name, plan.to, transferId),
      );
      return transferId;
    }),

    registerCommand(deps, 'digitalocean.image.cancelTransfer', l10n.t('Cancel account transfer'), async (arg) => {
      const node = await resourceTarget(
        deps,
        arg,
        snapshotPresenter,
        l10n.t('Cancel the transfer of which snapshot?'),
        (s) => (s as { resource_type?: string }).resource_type === 'droplet',
      );
      const key = transfersKey(node.account.id, node.resourceId);
      const known = state.get<Transfers>(TRANSFERS_KEY)?.[key];
      // started elsewhere (doctl, the control panel): its id is in the sender's email
      const transferId =
        known?.transferId ??
        Number(
          (
            await input.inputBox({
              title: l10n.t('Cancel the transfer of {0}', node.name),
              prompt: l10n.t('No transfer of {0} was started here: its transfer ID', node.name),
              validateInput: idProblem(l10n.t('Transfer ID')),
            })
          ).trim(),
        );
      await input.confirm(
        l10n.t('Cancel the transfer of {0}{1}?', node.name, known ? l10n.t(' to {0}', known.to) : ''),
        l10n.t('It stays in {0}; the recipient can no longer accept it.', node.account.label),
        l10n.t('Cancel Transfer'),
      );
      try {
        await withProgress(l10n.t('Cancelling the transfer of {0}…', node.name), (signal) =>
          model
            .client(node.account)
            .request<void>('POST', `/v2/images/${encodeURIComponent(node.resourceId)}/account_transfer/cancel`, { body: { transfer_id: transferId }, signal }),
        );
      } catch (error) {
        // no longer pending (accepted, declined or cancelled elsewhere): it is not remembered any more
        if (known && (error as { status?: number }).status === 404) {
          await remember(key, undefined);
          throw new Error(l10n.t('Transfer {0} of {1} is no longer pending: it was accepted, declined or cancelled elsewhere.', transferId, node.name));
        }
        throw error;
      }
      await remember(key, undefined);
      log.info(`[${node.account.label}] Snapshot ${node.name}: transfer ${transferId} cancelled`);
      void input.notify('info', l10n.t('The transfer of {0} is cancelled.', node.name));
      return transferId;
    }),

    registerCommand(deps, 'digitalocean.image.acceptTransfer', l10n.t('Accept image transfer'), incoming(true)),
    registerCommand(deps, 'digitalocean.image.declineTransfer', l10n.t('Decline image transfer'), incoming(false)),
  ];
}

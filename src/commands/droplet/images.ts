/**
 * Custom images: Import Custom Image (a wizard with Back: the image's URL — http(s), a raw,
 * qcow2, vhdx, vdi or vmdk file, gzip or bzip2 allowed —, a name suggested from the file, the
 * region, the distribution and a description, then a summary; followed until DigitalOcean has
 * fetched it), Rename or Describe (read fresh; a summary of what changes), Copy to Another Region
 * (the image's action, followed by reading that action until it completes) and Show Image History
 * (its actions, newest first).
 */
import type * as vscode from 'vscode';
import { type Image, image as imageKind } from '../../api/resources/image';
import { region as regionKind } from '../../api/resources/region';
import type { Action } from '../../api';
import { waitForReady } from '../../api';
import { imagePresenter } from '../../tree/kinds/image';
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

export function registerImageCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
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
  ];
}

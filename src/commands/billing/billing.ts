/**
 * Billing, from an account's context menu or the palette: Show Invoices lists this month so far
 * and every invoice with its amount; an invoice opens as a read-only Markdown document (its
 * summary and its items by product and project) or is saved as its PDF or CSV where the user
 * picks. Show Billing History lists invoices, payments and credits; an invoice in it opens the same
 * way. Names in invoices come from the API: they are escaped into the Markdown, never read as it.
 */
import * as vscode from 'vscode';
import {
  type BillingEvent,
  type Invoice,
  type InvoiceItem,
  type InvoiceSummary,
  billingHistory,
  invoiceFile,
  invoiceItems,
  invoiceSummary,
  listInvoices,
} from '../../api/billing';
import type { AccountInfo } from '../../accounts/accountStore';
import { md } from '../../tree/format';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';

const SCHEME = 'digitalocean-invoice';
const usd = (amount: string | undefined) => {
  const n = Number(amount);
  if (amount === undefined || amount === '' || !Number.isFinite(n)) return '—';
  return `${n < 0 ? '−' : ''}$${Math.abs(n).toFixed(2)}`;
};
const cell = (text: string | undefined) => md(text ?? '').replace(/[\r\n]+/g, ' ');

/** The invoice as Markdown: the summary's lines, then every item grouped by product. */
export function invoiceMarkdown(account: string, period: string, items: InvoiceItem[], summary?: InvoiceSummary, preview = false): string {
  const lines = [
    `# ${cell(preview ? vscode.l10n.t('DigitalOcean usage so far in {0}', period) : vscode.l10n.t('DigitalOcean invoice {0}', summary?.billing_period ?? period))}`,
    '',
    `${cell(vscode.l10n.t('Account'))}: ${cell(account)}${summary?.invoice_id ? ` · ${cell(vscode.l10n.t('Invoice'))} ${cell(summary.invoice_id)}` : ''}`,
    '',
  ];
  if (summary) {
    lines.push(`| ${cell(vscode.l10n.t('Charge'))} | ${cell(vscode.l10n.t('Amount'))} |`, '|---|---:|');
    for (const c of summary.product_charges?.items ?? []) lines.push(`| ${cell(c.name)} (${cell(c.count)}) | ${usd(c.amount)} |`);
    for (const c of [summary.overages, summary.taxes, summary.credits_and_adjustments])
      if (c?.name && Number(c.amount)) lines.push(`| ${cell(c.name)} | ${usd(c.amount)} |`);
    lines.push(`| **${cell(vscode.l10n.t('Total'))}** | **${usd(summary.amount)}** |`, '');
  }
  const products = [...new Set(items.map((i) => i.product))];
  for (const product of products) {
    const of = items.filter((i) => i.product === product);
    const sum = of.reduce((s, i) => s + (Number(i.amount) || 0), 0);
    lines.push(
      `## ${cell(product)} · ${usd(String(sum))}`,
      '',
      `| ${cell(vscode.l10n.t('Item'))} | ${cell(vscode.l10n.t('Project'))} | ${cell(vscode.l10n.t('Hours'))} | ${cell(vscode.l10n.t('Amount'))} |`,
      '|---|---|---:|---:|',
    );
    for (const i of of) lines.push(`| ${cell(i.group_description || i.description)} | ${cell(i.project_name)} | ${cell(i.duration)} | ${usd(i.amount)} |`);
    lines.push('');
  }
  if (!items.length) lines.push(vscode.l10n.t('No items.'));
  return lines.join('\n');
}

export function registerBillingCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const documents = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider = vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => documents.get(uri.path) ?? vscode.l10n.t('This invoice is no longer open: run Show Invoices again.'),
  });

  /** Opens an invoice (or this month so far) as a read-only Markdown document, and its preview. */
  async function openInvoice(account: AccountInfo, invoice: { invoice_uuid: string; invoice_period: string }, preview: boolean): Promise<vscode.Uri> {
    const client = model.client(account);
    const [items, summary] = await withProgress(vscode.l10n.t('Reading the invoice for {0}…', invoice.invoice_period), (signal) =>
      Promise.all([invoiceItems(client, invoice.invoice_uuid, signal), preview ? undefined : invoiceSummary(client, invoice.invoice_uuid, signal)]),
    );
    const name = `${account.label.replace(/[^A-Za-z0-9._-]+/g, '-')}-${invoice.invoice_period.replace(/[^0-9-]/g, '')}${preview ? '-so-far' : ''}.md`;
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${account.id}/${name}` });
    documents.set(uri.path, invoiceMarkdown(account.label, invoice.invoice_period, items, summary, preview));
    changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  }

  async function saveInvoice(account: AccountInfo, invoice: Invoice, format: 'pdf' | 'csv'): Promise<vscode.Uri> {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `DigitalOcean-invoice-${invoice.invoice_period.replace(/[^0-9-]/g, '')}.${format}`;
    const target = await input.saveDialog({
      defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
      title: vscode.l10n.t('Save the invoice for {0} as {1}', invoice.invoice_period, format.toUpperCase()),
      saveLabel: vscode.l10n.t('Save Invoice'),
      filters: format === 'pdf' ? { PDF: ['pdf'] } : { CSV: ['csv'] },
    });
    const bytes = await withProgress(vscode.l10n.t('Downloading the invoice for {0}…', invoice.invoice_period), (signal) =>
      invoiceFile(model.client(account), invoice.invoice_uuid, format, signal),
    );
    if (!bytes.length)
      throw new Error(vscode.l10n.t('DigitalOcean sent an empty {0} for {1}; nothing was saved.', format.toUpperCase(), invoice.invoice_period));
    await vscode.workspace.fs.writeFile(target, bytes);
    log.info(`[${account.label}] invoice ${invoice.invoice_period} saved as ${format.toUpperCase()} (${bytes.length} bytes)`);
    void input.notify('info', vscode.l10n.t('Saved the invoice for {0} to {1}.', invoice.invoice_period, vscode.workspace.asRelativePath(target)));
    return target;
  }

  return [
    provider,
    changed,
    registerCommand(deps, 'digitalocean.billing.invoices', vscode.l10n.t('Show invoices'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t("Show which account's invoices?"));
      const { invoices, preview } = await withProgress(vscode.l10n.t('Reading the invoices of {0}…', account.label), (signal) =>
        listInvoices(model.client(account), signal),
      );
      if (!invoices.length && !preview) throw new Error(vscode.l10n.t('{0} has no invoices yet.', account.label));
      const picked = await input.quickPick(
        [
          ...(preview
            ? [
                {
                  label: vscode.l10n.t('{0} so far', preview.invoice_period),
                  description: vscode.l10n.t('{0} · month to date, not invoiced yet', usd(preview.amount)),
                  invoice: preview,
                  preview: true,
                },
              ]
            : []),
          ...invoices.map((i) => ({ label: i.invoice_period, description: usd(i.amount), invoice: i, preview: false })),
        ],
        { title: vscode.l10n.t('Invoices of {0}', account.label), placeHolder: vscode.l10n.t('Choose an invoice') },
      );
      if (picked.preview) return openInvoice(account, picked.invoice, true);
      const what = await input.quickPick(
        [
          { label: vscode.l10n.t('Open Summary'), description: vscode.l10n.t('its charges and items, by product'), run: 'open' as const },
          { label: vscode.l10n.t('Save as PDF…'), run: 'pdf' as const },
          { label: vscode.l10n.t('Save as CSV…'), description: vscode.l10n.t('every item, for a spreadsheet'), run: 'csv' as const },
        ],
        { title: vscode.l10n.t('Invoice {0} · {1}', picked.invoice.invoice_period, usd(picked.invoice.amount)) },
      );
      return what.run === 'open' ? openInvoice(account, picked.invoice, false) : saveInvoice(account, picked.invoice, what.run);
    }),

    registerCommand(deps, 'digitalocean.billing.history', vscode.l10n.t('Show billing history'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t("Show which account's billing history?"));
      const events = await withProgress(vscode.l10n.t('Reading the billing history of {0}…', account.label), (signal) =>
        billingHistory(model.client(account), signal),
      );
      if (!events.length) throw new Error(vscode.l10n.t('{0} has no billing history yet.', account.label));
      const picked = await input.quickPick(
        events.map((e: BillingEvent) => ({
          label: `${e.date.slice(0, 10)} · ${e.type}`,
          description: usd(e.amount),
          detail: e.description,
          event: e,
        })),
        { title: vscode.l10n.t('Billing history of {0}', account.label), placeHolder: vscode.l10n.t('Choose an invoice to open it') },
      );
      const uuid = picked.event.invoice_uuid;
      if (!uuid) return undefined;
      // the history names the invoice; its period comes from the invoice list
      const { invoices } = await withProgress(vscode.l10n.t('Reading the invoices of {0}…', account.label), (signal) =>
        listInvoices(model.client(account), signal),
      );
      const invoice = invoices.find((i) => i.invoice_uuid === uuid);
      if (!invoice) throw new Error(vscode.l10n.t('The invoice {0} is not among the invoices of {1}.', picked.event.invoice_id ?? uuid, account.label));
      return openInvoice(account, invoice, false);
    }),
  ];
}

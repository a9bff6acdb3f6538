/**
 * Billing in the real extension host against the fake (through Prism): the invoices newest first
 * after this month so far; an invoice opened as a read-only Markdown document whose names from the
 * API are escaped; its PDF and CSV saved byte for byte where the user picks; the billing history,
 * from which an invoice opens too.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { extensionApi, fake, freshDemo, logShowing, nodeAt, runWithAnswers } from './support/env';

describe('Billing: invoices and history', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const account = () => nodeAt(api);
  const period = (back: number) => {
    const now = new Date();
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  const direct = async (path: string) => {
    const response = await fetch(`${fake.url()}${path}`, { headers: { Authorization: 'Bearer t' } });
    assert.equal(response.status, 200, path);
    return response;
  };
  const invoiceUuid = async (p: string) =>
    ((await (await direct('/v2/customers/my/invoices')).json()) as { invoices: { invoice_uuid: string; invoice_period: string }[] }).invoices.find(
      (i) => i.invoice_period === p,
    )!.invoice_uuid;

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(async () => {
    api.setUserInput(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("lists this month so far and the invoices newest first; opens one as Markdown with the API's names escaped", async () => {
    const input = await runWithAnswers(api, 'digitalocean.billing.invoices', await account(), [period(1), 'Open Summary']);
    assert.equal(input.remaining, 0, input.questions.join(' | '));
    assert.deepEqual(input.offered[0], [`${period(0)} so far`, period(1), period(2), period(3)]);
    assert.equal(input.offeredItems[0][1].description, '$178.00');
    assert.match(String(input.offeredItems[0][0].description), /^\$412\.37 · month to date/);

    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'digitalocean-invoice');
    assert.ok(doc, 'the invoice is open as a document');
    assert.equal(doc.languageId, 'markdown');
    const text = doc.getText();
    assert.match(text, /^# DigitalOcean invoice \d{4} [A-Z][a-z]{2}$/m);
    assert.match(text, /\| Droplets \(3\) \| \$96\.00 \|/);
    assert.match(text, /\| Credits & adjustments \| −\$5\.00 \|/);
    assert.match(text, /\| \*\*Total\*\* \| \*\*\$178\.00\*\* \|/);
    assert.match(text, /^## Managed Databases · \$60\.00$/m);
    assert.match(text, /\| main\\-pg \\\(db\\-s\\-2vcpu\\-4gb\\\) \| Data Platform \| \d+ \| \$60\.00 \|/);
    // the hostile item: every character that Markdown or HTML would read is escaped
    assert.ok(!/(^|[^\\])<img/.test(text), 'raw HTML from the API');
    assert.ok(!text.includes('[click](https'), 'a live link from the API');
    assert.match(text, /evil \\\| \\<img src=x onerror=alert\\\(1\\\)\\> \\\[click\\\]\\\(https:\/\/evil\\\.invalid\\\) \\\*\\\*bold\\\*\\\*/);

    // this month so far: the items used, no summary
    const soFar = await runWithAnswers(api, 'digitalocean.billing.invoices', await account(), [`${period(0)} so far`]);
    assert.equal(soFar.remaining, 0);
    const current = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'digitalocean-invoice' && d.uri.path.endsWith('-so-far.md'));
    assert.ok(current, 'the month so far is open');
    assert.match(current.getText(), new RegExp(`^# DigitalOcean usage so far in ${period(0).replace('-', '\\\\-')}$`, 'm'));
    assert.ok(!current.getText().includes('Total'), 'no summary for a month not invoiced');
  });

  it('saves an invoice as PDF and as CSV byte for byte where the user picks', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test window has a workspace folder');
    const uuid = await invoiceUuid(period(2));
    const pdfTarget = vscode.Uri.joinPath(folder, `invoice-${Date.now()}.pdf`);
    const pdf = await runWithAnswers(api, 'digitalocean.billing.invoices', await account(), [period(2), 'Save as PDF', pdfTarget.toString()]);
    assert.equal(pdf.remaining, 0, pdf.questions.join(' | '));
    const served = new Uint8Array(await (await direct(`/v2/customers/my/invoices/${uuid}/pdf`)).arrayBuffer());
    const saved = await vscode.workspace.fs.readFile(pdfTarget);
    assert.ok(served.length > 400 && new TextDecoder().decode(served.subarray(0, 8)) === '%PDF-1.4', 'a PDF');
    assert.deepEqual(Array.from(saved), Array.from(served), 'the PDF saved byte for byte');
    assert.match(pdf.notices.join('\n'), /Saved the invoice for \d{4}-\d\d to .*invoice-\d+\.pdf/);
    await logShowing(api, new RegExp(`invoice ${period(2)} saved as PDF \\(${served.length} bytes\\)`));

    const csvTarget = vscode.Uri.joinPath(folder, `invoice-${Date.now()}.csv`);
    await runWithAnswers(api, 'digitalocean.billing.invoices', await account(), [period(2), 'Save as CSV', csvTarget.toString()]);
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(csvTarget));
    assert.equal(csv, await (await direct(`/v2/customers/my/invoices/${uuid}/csv`)).text());
    assert.match(csv.split('\n')[0], /^product,group_description,/);
    for (const target of [pdfTarget, csvTarget]) await vscode.workspace.fs.delete(target);
  });

  it('lists the billing history newest first; an invoice in it opens its summary, a payment does nothing more', async () => {
    const input = await runWithAnswers(api, 'digitalocean.billing.history', await account(), ['Invoice']);
    assert.equal(input.remaining, 0, input.questions.join(' | '));
    const labels = input.offered[0];
    assert.equal(labels.length, 6);
    assert.deepEqual([...labels].sort().reverse(), labels, 'newest first');
    assert.ok(input.offeredItems[0].some((i) => i.label.endsWith('Payment') && i.description === '−$178.00'));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'digitalocean-invoice');
    assert.ok(doc, 'the invoice opened');
    assert.ok(doc.uri.path.endsWith(`-${period(1)}.md`), `the newest invoice: ${doc.uri.path}`);
    assert.match(doc.getText(), /\| \*\*Total\*\* \| \*\*\$178\.00\*\* \|/);

    const invoiceReads = async () => (await fake.log()).seen.filter((r) => r.url.startsWith('/v2/customers/my/invoices')).length;
    const before = await invoiceReads();
    const payment = await runWithAnswers(api, 'digitalocean.billing.history', await account(), ['Payment']);
    assert.equal(payment.remaining, 0);
    assert.equal(await invoiceReads(), before, 'a payment opens no invoice');
    assert.deepEqual(
      payment.notices.filter((n) => n.startsWith('error:')),
      [],
    );
  });
});

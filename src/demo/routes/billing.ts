/**
 * The fake API's billing: an invoice for each of the last three months and this month's preview,
 * each with its items, summary, CSV and PDF; and the billing history (invoices and the payments
 * that settled them). Derived from the clock, so a month later there is one more invoice. One
 * item's description is hostile (Markdown, HTML, a table's pipe): the client must show it as text.
 */
import type { FakeCore } from '../core';
import { stableUuid } from '../seed';

interface Item {
  product: string;
  group_description: string;
  amount: number;
  project_name: string;
}

const ITEMS: Item[] = [
  { product: 'Droplets', group_description: 'web-1 (s-2vcpu-4gb)', amount: 24, project_name: 'Acme Web' },
  { product: 'Droplets', group_description: 'web-2 (s-2vcpu-4gb)', amount: 24, project_name: 'Acme Web' },
  { product: 'Droplets', group_description: 'worker-1 (s-4vcpu-8gb)', amount: 48, project_name: 'Acme Web' },
  { product: 'Volumes', group_description: 'web-uploads (100 GiB)', amount: 10, project_name: 'Acme Web' },
  { product: 'Load Balancers', group_description: 'web-lb', amount: 12, project_name: 'Acme Web' },
  { product: 'Managed Databases', group_description: 'main-pg (db-s-2vcpu-4gb)', amount: 60, project_name: 'Data Platform' },
  { product: 'Spaces', group_description: 'evil | <img src=x onerror=alert(1)> [click](https://evil.invalid) **bold**', amount: 5, project_name: 'Staging' },
];
const CREDIT = -5;

const money = (n: number) => n.toFixed(2);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A minimal PDF, ASCII only: Prism's proxy, which the tests go through, passes bodies on as text,
 * and would turn the binary comment line real PDFs have into U+FFFD. That the client keeps every
 * byte is tested against a loopback server without Prism (test/unit/transport.test.ts).
 */
function pdfBytes(title: string): Uint8Array<ArrayBuffer> {
  const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 0x7f);
  const text = title.replace(/[()\\]/g, '');
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n',
    `4 0 obj << /Length ${`BT /F1 18 Tf 72 720 Td (${text}) Tj ET`.length} >> stream\nBT /F1 18 Tf 72 720 Td (${text}) Tj ET\nendstream endobj\n`,
    '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n',
  ];
  const head = ascii('%PDF-1.4\n');
  const offsets: number[] = [];
  const body: number[] = [...head];
  for (const o of objects) {
    offsets.push(body.length);
    body.push(...ascii(o));
  }
  const xref = body.length;
  const table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body.push(...ascii(`${table}trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return new Uint8Array(body);
}

export function billingRoutes(api: FakeCore): void {
  /** The last three whole months, newest first: "2026-11", with their uuid and id. */
  const invoices = () => {
    const now = new Date(api.now());
    return [1, 2, 3].map((back) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
      const period = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      return {
        period,
        month: `${d.getUTCFullYear()} ${MONTHS[d.getUTCMonth()]}`,
        uuid: stableUuid(`invoice-${period}`),
        id: String(900000 + d.getUTCFullYear() * 12 + d.getUTCMonth()),
        issued: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
    });
  };
  const total = money(ITEMS.reduce((sum, i) => sum + i.amount, 0) + CREDIT);
  const preview = () => {
    const now = new Date(api.now());
    const period = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    return {
      invoice_uuid: stableUuid(`invoice-preview-${period}`),
      invoice_id: '',
      amount: api.data.balance.month_to_date_usage,
      invoice_period: period,
      updated_at: api.now(),
    };
  };
  const invoiceJson = (i: ReturnType<typeof invoices>[number]) => ({
    invoice_uuid: i.uuid,
    invoice_id: i.id,
    amount: total,
    invoice_period: i.period,
    updated_at: i.issued,
  });
  const find = (uuid: string) => invoices().find((i) => i.uuid === uuid);
  const itemsOf = (period: string) => {
    const [y, m] = period.split('-').map(Number);
    const start = new Date(Date.UTC(y, m - 1, 1)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const end = new Date(Date.UTC(y, m, 1)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const hours = String((Date.parse(end) - Date.parse(start)) / 3_600_000);
    return ITEMS.map((i, n) => ({
      product: i.product,
      resource_uuid: stableUuid(`invoice-item-${n}`),
      resource_id: String(311000001 + n),
      group_description: i.group_description,
      description: `${i.product} (${hours} h)`,
      amount: money(i.amount),
      duration: hours,
      duration_unit: 'Hours',
      start_time: start,
      end_time: end,
      project_name: i.project_name,
    }));
  };

  api.on('GET', '/v2/customers/my/invoices', (_, ctx) => {
    const page = JSON.parse(api.page('invoices', invoices().map(invoiceJson), ctx).body) as Record<string, unknown>;
    return api.json(200, { ...page, invoice_preview: preview() });
  });
  api.on('GET', '/v2/customers/my/invoices/{uuid}', ([uuid], ctx) => {
    const invoice = find(uuid);
    const current = preview();
    if (invoice) return api.page('invoice_items', itemsOf(invoice.period), ctx);
    // this month's preview: what has been used so far
    if (uuid === current.invoice_uuid) return api.page('invoice_items', itemsOf(current.invoice_period).slice(0, 3), ctx);
    return api.notFound();
  });
  api.on('GET', '/v2/customers/my/invoices/{uuid}/summary', ([uuid]) => {
    const invoice = find(uuid);
    if (!invoice) return api.notFound();
    const products = [...new Set(ITEMS.map((i) => i.product))].map((product) => {
      const of = ITEMS.filter((i) => i.product === product);
      return { name: product, amount: money(of.reduce((s, i) => s + i.amount, 0)), count: String(of.length) };
    });
    return api.json(200, {
      invoice_uuid: invoice.uuid,
      invoice_id: invoice.id,
      billing_period: invoice.month,
      amount: total,
      user_name: 'Sammy Shark',
      user_company: 'Acme Corp',
      user_email: api.data.account.email,
      user_billing_address: { address_line1: '101 Shark Row', city: 'New York', region: 'NY', postal_code: '10001', country_iso2_code: 'US' },
      product_charges: { name: 'Product usage charges', amount: money(ITEMS.reduce((s, i) => s + i.amount, 0)), items: products },
      overages: { name: 'Overages', amount: '0.00' },
      taxes: { name: 'Taxes', amount: '0.00' },
      credits_and_adjustments: { name: 'Credits & adjustments', amount: money(CREDIT) },
    });
  });
  api.on('GET', '/v2/customers/my/invoices/{uuid}/csv', ([uuid]) => {
    const invoice = find(uuid);
    if (!invoice) return api.notFound();
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const lines = [
      'product,group_description,description,hours,start,end,USD,project_name,category',
      ...itemsOf(invoice.period).map((i) =>
        [i.product, i.group_description, i.description, i.duration, i.start_time, i.end_time, i.amount, i.project_name, 'iaas'].map(quote).join(','),
      ),
    ];
    return {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="DigitalOcean Invoice ${invoice.month} (${invoice.id}).csv"`,
        'x-request-id': api.requestId(),
      },
      body: `${lines.join('\n')}\n`,
    };
  });
  api.on('GET', '/v2/customers/my/invoices/{uuid}/pdf', ([uuid]) => {
    const invoice = find(uuid);
    if (!invoice) return api.notFound();
    const bytes = pdfBytes(`DigitalOcean invoice ${invoice.month} ${invoice.id}: USD ${total}`);
    return {
      status: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="DigitalOcean Invoice ${invoice.month} (${invoice.id}).pdf"`,
        'x-request-id': api.requestId(),
      },
      body: '',
      bytes,
    };
  });
  api.on('GET', '/v2/customers/my/billing_history', () => {
    const events = invoices().flatMap((i) => [
      { description: `Invoice for ${i.month}`, amount: total, invoice_id: i.id, invoice_uuid: i.uuid, date: i.issued, type: 'Invoice' },
      {
        description: 'Payment (MC 4242)',
        amount: money(-Number(total)),
        date: new Date(Date.parse(i.issued) + 2 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        type: 'Payment',
      },
    ]);
    return api.json(200, { billing_history: events, links: {}, meta: { total: events.length } });
  });
}

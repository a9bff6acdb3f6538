/**
 * Billing: invoices (the list with this month's preview, one invoice's items and summary, its PDF
 * and CSV) and the billing history. Used by the billing commands only, so kept out of the API's index.
 */
import type { DigitalOceanClient } from './client';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

export interface Invoice {
  invoice_uuid: string;
  invoice_id?: string;
  /** USD, as text: "123.45" */
  amount: string;
  /** "2026-11" */
  invoice_period: string;
  updated_at?: string;
}

export interface InvoiceItem {
  product: string;
  resource_uuid?: string;
  resource_id?: string;
  group_description?: string;
  description?: string;
  amount: string;
  duration?: string;
  duration_unit?: string;
  start_time?: string;
  end_time?: string;
  project_name?: string;
}

interface Charge {
  name?: string;
  amount?: string;
}

export interface InvoiceSummary {
  invoice_uuid: string;
  invoice_id?: string;
  billing_period?: string;
  amount: string;
  user_name?: string;
  user_company?: string;
  user_email?: string;
  product_charges?: Charge & { items?: (Charge & { count?: string })[] };
  overages?: Charge;
  taxes?: Charge;
  credits_and_adjustments?: Charge;
}

export interface BillingEvent {
  description?: string;
  amount: string;
  invoice_id?: string;
  invoice_uuid?: string;
  date: string;
  type: string;
}

/** Every invoice, newest first, and the month so far (`preview`) when the API gives it. */
export async function listInvoices(client: Requester, signal?: AbortSignal): Promise<{ invoices: Invoice[]; preview?: Invoice }> {
  const invoices: Invoice[] = [];
  let preview: Invoice | undefined;
  for (let page = 1; page <= 20; page++) {
    const body = await client.request<{ invoices?: Invoice[]; invoice_preview?: Invoice; links?: { pages?: { next?: string } } }>(
      'GET',
      '/v2/customers/my/invoices',
      { query: { per_page: 100, page }, signal },
    );
    invoices.push(...(body.invoices ?? []));
    preview ??= body.invoice_preview?.invoice_uuid ? body.invoice_preview : undefined;
    if (!body.links?.pages?.next) break;
  }
  invoices.sort((a, b) => b.invoice_period.localeCompare(a.invoice_period));
  return { invoices, preview };
}

/** What an invoice charges, item by item (up to 1,000 items). */
export async function invoiceItems(client: Requester, invoiceUuid: string, signal?: AbortSignal): Promise<InvoiceItem[]> {
  const items: InvoiceItem[] = [];
  for (let page = 1; page <= 5; page++) {
    const body = await client.request<{ invoice_items?: InvoiceItem[]; links?: { pages?: { next?: string } } }>(
      'GET',
      `/v2/customers/my/invoices/${seg(invoiceUuid)}`,
      { query: { per_page: 200, page }, signal },
    );
    items.push(...(body.invoice_items ?? []));
    if (!body.links?.pages?.next) break;
  }
  return items;
}

export async function invoiceSummary(client: Requester, invoiceUuid: string, signal?: AbortSignal): Promise<InvoiceSummary> {
  return client.request<InvoiceSummary>('GET', `/v2/customers/my/invoices/${seg(invoiceUuid)}/summary`, { signal });
}

/** The invoice as a file: its PDF (bytes) or CSV (its text, as bytes). */
export async function invoiceFile(client: Requester, invoiceUuid: string, format: 'pdf' | 'csv', signal?: AbortSignal): Promise<Uint8Array> {
  return client.request<Uint8Array>('GET', `/v2/customers/my/invoices/${seg(invoiceUuid)}/${format}`, { responseType: 'bytes', signal });
}

/** Invoices, payments, credits and the rest, newest first (the API gives the list in one answer). */
export async function billingHistory(client: Requester, signal?: AbortSignal): Promise<BillingEvent[]> {
  const body = await client.request<{ billing_history?: BillingEvent[] }>('GET', '/v2/customers/my/billing_history', { signal });
  return [...(body.billing_history ?? [])].sort((a, b) => b.date.localeCompare(a.date));
}

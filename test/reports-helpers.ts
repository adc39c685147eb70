import { Workbook } from 'exceljs';
import request from 'supertest';
import { TestApp } from './support/app';
import { waitFor } from './support/wait';

// pdf-parse's index runs a self-test when it has no parent module (as under Jest); its library file does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string; numpages: number }>;

export interface ReportState {
  id: string;
  status: string;
  progress: number;
  rowCount: number | null;
  fileName: string | null;
  expiresAt: string | null;
  error: string | null;
}

/** Asks for a report and answers its id (the API answers 202 at once). */
export async function requestReport(
  t: TestApp,
  token: string,
  body: Record<string, unknown>,
): Promise<string> {
  const res = await t.http.post('/api/v1/reports').set('Authorization', `Bearer ${token}`).send(body);
  if (res.status !== 202)
    throw new Error(`POST /reports answered ${res.status}: ${JSON.stringify(res.body)}`);
  expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
  return res.body.id as string;
}

/** Polls the report until it is done or failed, with a deadline. */
export async function waitForReport(
  t: TestApp,
  token: string,
  id: string,
  deadlineMs = 30_000,
): Promise<ReportState> {
  return waitFor(
    `report ${id} done or failed`,
    async () => {
      const res = await t.http
        .get(`/api/v1/reports/${id}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      const state = res.body as ReportState;
      return state.status === 'done' || state.status === 'failed' ? state : undefined;
    },
    deadlineMs,
  );
}

export interface Download {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
}

export async function download(t: TestApp, token: string, id: string): Promise<Download> {
  const res = await t.http
    .get(`/api/v1/reports/${id}/file`)
    .set('Authorization', `Bearer ${token}`)
    .buffer(true)
    .parse(binary);
  return { status: res.status, body: res.body as Buffer, headers: res.headers as Record<string, string> };
}

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

export async function readXlsx(body: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(body);
  return workbook;
}

export async function pdfText(body: Buffer): Promise<{ text: string; pages: number }> {
  const { text, numpages } = await pdfParse(body);
  return { text, pages: numpages };
}

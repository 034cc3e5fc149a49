/**
 * GET /surveys/:id/responses.csv and .xlsx: every response in the filters, one row each, streamed.
 * Rows are read in keyset batches (listResponses, newest first) and written to the reply as they
 * come; the next batch is read only once the reply has taken the previous one (the stream's
 * backpressure), so memory stays bounded whatever the number of responses and the client's speed.
 * Responses arriving during an export are newer than its first position and are left out.
 */
import { PassThrough, Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import {
  EXPORT_CONTENT_TYPES, exportFileName, exportLayout, exportRow, type ExportCell, type ExportLanguage,
} from '../../core/responses/exportTable.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { countResponses, listResponseHiddenKeys, listResponses } from '../../db/queries/listResponses.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { standaloneText } from '../../core/surveys/matrix.ts';

// exceljs takes 0.3-0.5 s to load: loaded by the first XLSX export instead of at every server start.
export const loadExcelJS = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;

/** Responses read per query. */
export const EXPORT_BATCH = 2000;

export type ExportFormat = 'csv' | 'xlsx';

export { EXPORT_CONTENT_TYPES };

export interface ExportRequest {
  format: ExportFormat;
  lang: ExportLanguage;
  search?: string;
  now: Date;
}

/** Sends the export as the reply: headers (with X-Total-Count, the number of rows to come), then the stream. */
export async function sendResponsesExport(request: FastifyRequest, reply: FastifyReply, pool: pg.Pool, ctx: SourceContext, survey: LoadedSurvey, o: ExportRequest) {
  const selection = { surveyId: survey.id, search: o.search };
  const [total, hiddenKeys] = await Promise.all([countResponses(pool, ctx, selection), listResponseHiddenKeys(pool, ctx, selection)]);
  const layout = exportLayout({ questions: survey.questions.map((q) => ({ ...q, text: standaloneText(q) })), hiddenKeys, lang: o.lang, defaultLanguage: survey.defaultLanguage, timeZone: ctx.timezone });

  async function* rows(): AsyncGenerator<ExportCell[]> {
    let from: { direction: 'older'; at: string; id: string } | undefined;
    for (;;) {
      const batch = await listResponses(pool, ctx, { ...selection, limit: EXPORT_BATCH, from });
      for (const r of batch) yield exportRow(layout, r);
      if (batch.length < EXPORT_BATCH) return;
      const last = batch[batch.length - 1];
      from = { direction: 'older', at: last.submittedAt, id: last.id };
    }
  }

  const onError = (err: unknown) => {
    // Headers are gone by now: the client sees the download cut short; the log says why.
    if (err) request.log.error({ err }, 'responses export failed');
  };
  const body = await tableStream(o.format, layout.headers, rows(), onError);
  const filename = exportFileName(survey.slug, orgToday(ctx.timezone, o.now), o.format);
  return reply
    .header('content-type', EXPORT_CONTENT_TYPES[o.format])
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .header('x-total-count', String(total))
    .header('access-control-expose-headers', 'X-Total-Count')
    .send(body);
}

/**
 * A table as a CSV or XLSX download stream (a table export's one place; the sheet is named `sheet`). The
 * cells must be formula-safe already (neutraliseFormulas, src/core/text/csv.ts).
 */
export async function tableStream(format: ExportFormat, headers: string[], rows: AsyncGenerator<ExportCell[]>, onError: (err: unknown) => void, sheet = 'Responses'): Promise<Readable> {
  return format === 'csv' ? csvStream(headers, rows, onError) : xlsxStream(await loadExcelJS(), headers, rows, onError, sheet);
}

/** RFC 4180 CSV with a UTF-8 byte order mark (Excel then reads Cyrillic and Persian as UTF-8). */
function csvStream(headers: string[], rows: AsyncGenerator<ExportCell[]>, onError: (err: unknown) => void): Readable {
  async function* all() {
    yield headers;
    yield* rows;
  }
  return pipeline(Readable.from(all()), stringify({ bom: true, record_delimiter: 'windows' }), onError);
}

/** XLSX through exceljs's streaming writer: each row is committed (written to the zip) as it comes. */
function xlsxStream(excel: typeof ExcelJS, headers: string[], rows: AsyncGenerator<ExportCell[]>, onError: (err: unknown) => void, sheetName: string): Readable {
  const out = new PassThrough();
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  void (async () => {
    try {
      sheet.addRow(headers).commit();
      for await (const row of rows) {
        sheet.addRow(row).commit();
        // The zip writes into `out`; wait while the client has not taken what is already there.
        if (out.writableNeedDrain) await drainedOrClosed(out);
        if (out.destroyed) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      onError(err);
      out.destroy(err as Error);
    }
  })();
  return out;
}

/** Resolves when `stream` can take more, or is closed (the client went away). */
function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

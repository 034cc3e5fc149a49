/**
 * Counts the records of a CSV download as its bytes arrive (the export's progress): a record ends at
 * a line feed outside quotes (RFC 4180; a quote inside a quoted field is doubled, which toggles twice).
 * Works on raw UTF-8 bytes: the bytes of `"` and line feed never occur inside a multi-byte character.
 * Pure: unit-tested in Node.
 */
export interface CsvRecordCounter {
  /** Feeds the next chunk; returns the number of complete records so far. */
  push(chunk: Uint8Array): number;
}

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

export function csvRecordCounter(): CsvRecordCounter {
  let quoted = false;
  let records = 0;
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b === QUOTE) quoted = !quoted;
        else if (b === LINE_FEED && !quoted) records++;
      }
      return records;
    },
  };
}

/** The file name of a Content-Disposition header (`filename="..."`), or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const m = header?.match(/filename="([^"]+)"/);
  return m ? m[1] : fallback;
}

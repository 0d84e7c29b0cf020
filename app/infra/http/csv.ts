// RFC 4180 CSV with spreadsheet-formula neutralising: a cell a shopper typed that
// starts with = + - @ (or a tab/CR) would run as a formula in Excel or Sheets.
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/**
 * A CSV as a byte stream: the header at once, then `chunkRows` rows per chunk, each
 * row built (`row(item)`, e.g. decrypting it) only when the client reads on. The
 * response starts at once and the whole file never sits in memory as one string.
 */
export function csvStream<T>(
  header: string[],
  items: readonly T[],
  row: (item: T) => (string | number | null | undefined)[],
  chunkRows = 200,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(header.map(csvCell).join(",") + "\r\n"));
    },
    pull(controller) {
      if (next >= items.length) {
        controller.close();
        return;
      }
      const end = Math.min(items.length, next + chunkRows);
      let text = "";
      for (; next < end; next++) text += row(items[next]!).map(csvCell).join(",") + "\r\n";
      controller.enqueue(encoder.encode(text));
    },
  });
}

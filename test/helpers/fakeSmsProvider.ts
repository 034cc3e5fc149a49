/**
 * A local fake SMS provider: records every POST (path, headers, JSON body) and answers with the
 * status and body the test sets (200 with a message id by default).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeSmsProvider {
  url: string;
  requests: SmsRequest[];
  /** The answer to the next requests: status and JSON body. */
  answer(status: number, body: unknown): void;
  close(): Promise<void>;
}

export async function startFakeSmsProvider(): Promise<FakeSmsProvider> {
  const requests: SmsRequest[] = [];
  let next = { status: 200, body: { id: 'msg-1' } as unknown };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        /* kept as text */
      }
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(status, body) {
      next = { status, body };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

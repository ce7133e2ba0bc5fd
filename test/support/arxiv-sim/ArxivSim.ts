import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer: an Atom body (200) or a status such as 503. */
export interface SimResponse {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A local stand-in for `export.arxiv.org/api/query` on 127.0.0.1: answers requests with the
 * scripted responses in order (the last one repeats) and records each request's query string.
 */
export class ArxivSim {
  readonly requests: URLSearchParams[] = [];
  private script: SimResponse[] = [];
  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<ArxivSim> {
    const server = http.createServer();
    const sim = new ArxivSim(server);
    server.on('request', (req, res) => sim.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return sim;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/query`;
  }

  respond(...responses: SimResponse[]): void {
    this.script = responses;
    this.requests.length = 0;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api/query') {
      res.writeHead(404).end();
      return;
    }
    this.requests.push(url.searchParams);
    const r = this.script.length > 1 ? (this.script.shift() as SimResponse) : (this.script[0] ?? { status: 500 });
    res.writeHead(r.status ?? 200, { 'content-type': 'application/atom+xml; charset=utf-8', ...r.headers });
    res.end(r.body ?? '');
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

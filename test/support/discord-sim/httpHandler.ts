import type http from 'node:http';
import type { RequestRecord } from './records.js';
import type { Route } from './RestRoutes.js';

interface HttpHandlerOptions {
  routes: Route[];
  token: string;
  requests: RequestRecord[];
  changed(): void;
}

/** REST v10 over plain HTTP: JSON bodies, `Bot <token>` auth except on interaction webhooks, every request recorded. */
export function httpHandler(o: HttpHandlerOptions) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? JSON.parse(raw) : undefined;
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    let reply: { status: number; body?: unknown };
    const route = url.pathname.startsWith('/api/v10/') ? o.routes.find((r) => r.method === req.method && r.pattern.test(path)) : undefined;
    const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (!route) reply = { status: 404, body: { code: 0, message: '404: Not Found' } };
    else if (needsAuth && req.headers.authorization !== `Bot ${o.token}`) reply = { status: 401, body: { code: 0, message: '401: Unauthorized' } };
    else reply = route.handle(path.match(route.pattern) as string[], body, url.searchParams);
    o.requests.push({ method: req.method ?? '', path, status: reply.status, body, at: Date.now() });
    res.writeHead(reply.status, reply.body === undefined ? {} : { 'content-type': 'application/json' });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    o.changed();
  };
}

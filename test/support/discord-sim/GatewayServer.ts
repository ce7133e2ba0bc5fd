import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/** Gateway opcodes (discord-api-types GatewayOpcodes). */
const OP = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

interface Session {
  id: string;
  seq: number;
  intents: number;
  /** Every dispatch of the session, for replay on RESUME. */
  log: Array<{ s: number; t: string; d: unknown }>;
  socket?: WebSocket;
}

export interface GatewayEvents {
  identify(intents: number): unknown[] | undefined;
  onFrame(direction: 'in' | 'out', op: number, t?: string): void;
}

/**
 * A Gateway v10 endpoint over plain JSON (discord.js sends no `compress` without zlib-sync):
 * HELLO, IDENTIFY → READY (+ whatever `identify` returns, e.g. GUILD_CREATE), heartbeats and
 * ACKs, RESUME → replay + RESUMED. One session at a time, like a single-shard bot.
 */
export class GatewayServer {
  private readonly wss: WebSocketServer;
  private session?: Session;
  identifies = 0;
  resumes = 0;
  /** `[id, count]` from the last IDENTIFY, when the client sent one. */
  shard?: [number, number];

  constructor(server: Server, private readonly token: string, private readonly ready: (sessionId: string) => unknown, private readonly events: GatewayEvents) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket, request) => this.accept(socket, request.url ?? ''));
  }

  get intents(): number | undefined {
    return this.session?.intents;
  }

  get connected(): boolean {
    return this.session?.socket?.readyState === 1;
  }

  private accept(socket: WebSocket, url: string): void {
    const params = new URL(url, 'ws://localhost').searchParams;
    if (params.get('v') !== '10' || params.get('encoding') !== 'json' || params.has('compress')) {
      socket.close(4012, 'simulator speaks v10 JSON without transport compression');
      return;
    }
    this.send(socket, { op: OP.Hello, d: { heartbeat_interval: 41_250 } });
    socket.on('message', (raw) => this.receive(socket, JSON.parse(String(raw)) as { op: number; d: any }));
  }

  private receive(socket: WebSocket, payload: { op: number; d: any }): void {
    this.events.onFrame('in', payload.op);
    if (payload.op === OP.Heartbeat) return this.send(socket, { op: OP.HeartbeatAck });
    if (payload.op === OP.Identify) return this.identify(socket, payload.d);
    if (payload.op === OP.Resume) return this.resume(socket, payload.d);
  }

  private identify(socket: WebSocket, d: { token: string; intents: number; shard?: [number, number] }): void {
    if (d.token !== this.token) return socket.close(4004, 'Authentication failed');
    this.identifies++;
    this.shard = d.shard;
    this.session = { id: `session-${this.identifies}`, seq: 0, intents: d.intents, log: [], socket };
    this.dispatch('READY', this.ready(this.session.id));
    for (const event of this.events.identify(d.intents) ?? []) this.dispatch('GUILD_CREATE', event);
  }

  private resume(socket: WebSocket, d: { token: string; session_id: string; seq: number }): void {
    const session = this.session;
    if (d.token !== this.token || !session || session.id !== d.session_id) {
      this.send(socket, { op: OP.InvalidSession, d: false });
      return;
    }
    this.resumes++;
    session.socket = socket;
    for (const event of session.log.filter((e) => e.s > d.seq)) this.send(socket, { op: OP.Dispatch, ...event });
    this.dispatch('RESUMED', {});
  }

  /** Sends an event to the bot; while disconnected it is kept and replayed on RESUME. */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (!session) throw new Error(`dispatch ${t} before IDENTIFY`);
    const event = { s: ++session.seq, t, d };
    session.log.push(event);
    if (session.socket?.readyState === 1) this.send(session.socket, { op: OP.Dispatch, ...event });
  }

  /** Drops the connection the way Discord does on an internal error (4000): the client should RESUME. */
  disconnect(code = 4000): void {
    const socket = this.session?.socket;
    if (this.session) this.session.socket = undefined;
    socket?.close(code, 'simulated disconnect');
  }

  private send(socket: WebSocket, payload: { op: number; t?: string; [k: string]: unknown }): void {
    this.events.onFrame('out', payload.op, payload.t);
    socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}

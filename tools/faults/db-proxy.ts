import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 between the services and PostgreSQL, so the suite can make the services' databases
 * unreachable without touching the shared server: while down it drops every open connection and closes each new
 * one at once, as a network partition or a restarting database looks to a client.
 */
export class DatabaseProxy {
  private server?: Server;
  private readonly open = new Set<Socket>();
  private down = false;

  constructor(
    readonly port: number,
    private readonly upstream: { host: string; port: number },
  ) {}

  async start(): Promise<void> {
    const server = createServer((client) => {
      if (this.down) {
        client.destroy();
        return;
      }
      const db = createConnection(this.upstream);
      this.open.add(client);
      this.open.add(db);
      const close = () => {
        client.destroy();
        db.destroy();
        this.open.delete(client);
        this.open.delete(db);
      };
      client.on('error', close).on('close', close);
      db.on('error', close).on('close', close);
      client.pipe(db);
      db.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Drops every connection and refuses new ones until `restore`. */
  cut(): void {
    this.down = true;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  restore(): void {
    this.down = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

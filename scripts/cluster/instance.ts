import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface InstanceEvents {
  /** The instance answers /readyz; `pid` is the node process. */
  ready(name: string, pid: number): void;
  /** It exited without being asked to; the supervisor starts it again. */
  exited(name: string, code: number | null, signal: string | null): void;
}

const READY_POLL_MS = 200;

/**
 * One instance of the built server (`node dist/src/main.js`), supervised: when it exits
 * (a crash, or `kill <pid>` to restart it) it is started again on the same port, the way
 * systemd or an orchestrator would, until stop() is called. Its output goes to a log file.
 */
export class Instance {
  private child: ChildProcess | undefined;
  private stopping = false;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
    private readonly events: InstanceEvents,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves once /readyz answers 200. */
  async start(timeoutMs = 120_000): Promise<void> {
    const log = fs.openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [path.resolve('dist/src/main.js')], {
      env: { ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    this.child = child;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => {
      if (this.stopping || this.child !== child) return;
      this.events.exited(this.name, code, signal);
      this.restartSoon();
    });
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${this.name} exited during start-up; see ${this.logFile}`);
      if (await this.answersReady()) {
        this.events.ready(this.name, child.pid!);
        return;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, READY_POLL_MS))]);
    }
    child.kill('SIGKILL'); // its exit handler starts it again
    throw new Error(`${this.name} was not ready within ${timeoutMs / 1000} s; see ${this.logFile}`);
  }

  /** SIGTERM (the instance drains in-flight requests), then waits for the exit. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(force);
  }

  private restartSoon(): void {
    // A pause, so an instance that fails at once does not spin the CPU.
    setTimeout(() => {
      if (this.stopping) return;
      // A failed start ends in an exit, whose handler tries again.
      this.start().catch((err: Error) => process.stderr.write(`cluster: ${err.message}\n`));
    }, 500);
  }

  private async answersReady(): Promise<boolean> {
    try {
      const res = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      return res.status === 200;
    } catch {
      return false;
    }
  }
}

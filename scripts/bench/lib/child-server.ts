import { spawn } from 'node:child_process';
import { CLOCK_TICKS_PER_SECOND, readProcStat } from './cpu-accounting';

export interface ChildServer {
  /** What the child printed as {"url": …} once it listened. */
  url: string;
  pid: number;
  /** CPU time (user + system, every thread: JS, GC, libuv) the process has used so far, in ms. Linux /proc. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** utime + stime of a process from /proc/<pid>/stat, in ms. */
function processCpuMs(pid: number): number {
  const stat = readProcStat(pid);
  if (!stat) throw new Error(`process ${pid} is gone`);
  return ((stat.utime + stat.stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Starts a server in its own process (its own event loop, heap and CPU account) and
 * waits for the JSON line with its URL on stdout. Its stderr is passed through, so
 * a crash explains itself; a child that exits or stays silent fails the bench.
 */
export function startChildServer(name: string, command: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<ChildServer> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffered = '';
    let listening = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not print its URL within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}) before it listened`));
    };
    child.once('exit', onExit);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (listening) return; // later log lines are drained and dropped
      buffered += chunk;
      for (const line of buffered.split('\n').slice(0, -1)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          continue; // an ordinary log line
        }
        const url = (parsed as { url?: unknown } | null)?.url;
        if (typeof url !== 'string') continue;
        clearTimeout(timer);
        child.off('exit', onExit);
        listening = true;
        buffered = '';
        resolve({
          url,
          pid: child.pid!,
          cpuMs: () => processCpuMs(child.pid!),
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
              child.once('exit', () => {
                clearTimeout(force);
                done();
              });
              child.kill('SIGTERM');
            }),
        });
        return;
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    });
  });
}

/**
 * The instances behind the proxy and whether each is in rotation. Active checks: GET /readyz
 * every `intervalMs` (an instance that drains or loses its database answers 503, and a stopped
 * one refuses the connection). Passive: the proxy marks an instance down the moment a
 * connection to it fails, without waiting for the next check.
 */
export class Upstreams {
  private readonly up: boolean[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly urls: string[],
    private readonly intervalMs = 500,
  ) {
    this.up = urls.map(() => true);
  }

  /** The instances to try for one request, in round-robin order, the ones in rotation first. */
  order(): string[] {
    const start = this.next++ % this.urls.length;
    const rotated = this.urls.map((_, i) => (start + i) % this.urls.length);
    return [...rotated.filter((i) => this.up[i]), ...rotated.filter((i) => !this.up[i])].map((i) => this.urls[i]);
  }

  markDown(url: string): void {
    this.up[this.urls.indexOf(url)] = false;
  }

  startChecks(): void {
    this.timer = setInterval(() => void this.checkAll(), this.intervalMs);
    this.timer.unref();
  }

  stopChecks(): void {
    clearInterval(this.timer);
  }

  private async checkAll(): Promise<void> {
    await Promise.all(
      this.urls.map(async (url, i) => {
        try {
          const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(this.intervalMs * 2) });
          await res.body?.cancel();
          this.up[i] = res.status === 200;
        } catch {
          this.up[i] = false;
        }
      }),
    );
  }
}

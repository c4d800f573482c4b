/** Runs a refresh every so often, only while its element is on screen and the page visible, backing off on failure. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Shortest interval, in seconds: anything shorter would hammer a feed server from every open page. */
export const MIN_REFRESH_SECONDS = 10;
/** The interval doubles with each failure in a row, up to this factor. */
export const MAX_BACKOFF = 16;

export class RefreshController implements ReactiveController {
  /** Failed refreshes in a row: each doubles the wait, up to ×16. */
  failures = 0;
  private seconds = 0;
  private timer?: ReturnType<typeof setTimeout>;
  /** A refresh fell due while the element was hidden: it runs when the element shows again. */
  private due = false;
  private running = false;
  private onScreen = true;
  private observer?: IntersectionObserver;
  private readonly onVisibility = () => this.runIfDue();

  /** `run` refreshes and resolves to whether it succeeded. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly run: () => Promise<boolean>,
  ) {
    host.addController(this);
  }

  /** Seconds between refreshes (at least 10); 0 stops refreshing. */
  set interval(seconds: number) {
    const next = Number.isFinite(seconds) && seconds > 0 ? Math.max(MIN_REFRESH_SECONDS, seconds) : 0;
    if (next === this.seconds) return;
    this.seconds = next;
    this.schedule();
  }

  get interval(): number {
    return this.seconds;
  }

  /** Whether a refresh is waiting for its time (for tests and hosts that show "next update"). */
  get scheduled(): boolean {
    return this.timer !== undefined || this.due;
  }

  /** The wait before the next refresh, in milliseconds, with back-off applied. */
  get delay(): number {
    return this.seconds * 1000 * Math.min(MAX_BACKOFF, 2 ** this.failures);
  }

  /** Records the outcome of a load made outside the schedule (a first load, a Retry): failures back off too. */
  settled(ok: boolean): void {
    this.failures = ok ? 0 : this.failures + 1;
    this.schedule();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver((entries) => {
        this.onScreen = entries[entries.length - 1].isIntersecting;
        this.runIfDue();
      });
      this.observer.observe(this.host);
    }
    this.schedule();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.observer?.disconnect();
    this.observer = undefined;
    this.stop();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.due = false;
  }

  private schedule(): void {
    this.stop();
    if (!this.seconds || !this.host.isConnected) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.due = true;
      this.runIfDue();
    }, this.delay);
  }

  // Hidden tabs and lists scrolled out of view cost the feed server nothing.
  private runIfDue(): void {
    if (!this.due || this.running || document.visibilityState !== 'visible' || !this.onScreen) return;
    this.due = false;
    this.running = true;
    this.run()
      .catch(() => false)
      .then((ok) => {
        this.running = false;
        this.settled(ok);
      });
  }
}

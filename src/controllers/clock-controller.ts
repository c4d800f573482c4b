/**
 * Re-renders its element once a minute while it shows relative dates ("3 minutes ago"), on one timer per page.
 * Elements load it only when they show relative dates.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Listener = () => void;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | undefined;

/** One timer per page refreshes every relative date once a minute; returns the unsubscribe function. */
export function onMinute(listener: Listener): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 60_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export class ClockController implements ReactiveController {
  private live = false;
  private stop?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Whether the element's dates change as time passes. */
  set ticking(live: boolean) {
    this.live = live;
    this.sync();
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
  }

  private sync(): void {
    const want = this.live && this.host.isConnected;
    if (want && !this.stop) this.stop = onMinute(() => this.host.requestUpdate());
    if (!want && this.stop) this.hostDisconnected();
  }
}

/** Re-renders its element once a minute while it shows relative dates ("3 minutes ago"), on one timer per page. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onMinute } from '../format/dates.js';

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

/** Knows whether the author put fallback markup inside the element, and re-renders when that changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const meaningful = (node: Node): boolean =>
  node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && !!node.textContent?.trim());

export class FallbackController implements ReactiveController {
  /** The element has children other than whitespace (named-slot children aside). */
  present = false;
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.check();
    // The default slot may not be rendered yet (no slotchange then): watch the children themselves.
    this.observer = new MutationObserver(() => this.check());
    this.observer.observe(this.host, { childList: true, characterData: true, subtree: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private check(): void {
    const present = Array.from(this.host.childNodes).some((node) => meaningful(node) && !(node as Element).slot);
    if (present !== this.present) {
      this.present = present;
      this.host.requestUpdate();
    }
  }
}

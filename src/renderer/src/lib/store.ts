/** A minimal external store for useSyncExternalStore: state lives outside React's render cycle. */
export class Store<T> {
  #state: T;
  readonly #listeners = new Set<() => void>();

  constructor(initial: T) {
    this.#state = initial;
  }

  readonly getSnapshot = (): T => this.#state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  protected set(next: T): void {
    if (next === this.#state) return;
    this.#state = next;
    this.#listeners.forEach((l) => l());
  }
}

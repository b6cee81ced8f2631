import { ConnectionModel, type ConnectionSnapshot, type ModelOptions } from '../../lib/connection/model.ts';

/** The framework-free model, mirrored into a rune so views re-render on every snapshot. */
export class LiveConnection {
  readonly model: ConnectionModel;
  #snapshot: ConnectionSnapshot = $state.raw() as unknown as ConnectionSnapshot;
  #unsubscribe: () => void;

  constructor(options: ModelOptions = {}) {
    this.model = new ConnectionModel(options);
    this.#unsubscribe = this.model.subscribe((snap) => {
      this.#snapshot = snap;
    });
  }

  get state(): ConnectionSnapshot {
    return this.#snapshot;
  }

  dispose(): void {
    this.#unsubscribe();
    this.model.dispose();
  }
}

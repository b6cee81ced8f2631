import { BurstRun, type RunOptions, type RunSnapshot } from '../../lib/buffered/run.ts';

/** One BurstRun, its snapshots mirrored into a rune so the chart and the table re-render. */
export class LiveRun {
  readonly run: BurstRun;
  #snapshot: RunSnapshot = $state.raw() as unknown as RunSnapshot;
  #unsubscribe: () => void;

  constructor(options: RunOptions) {
    this.run = new BurstRun(options);
    this.#unsubscribe = this.run.subscribe((snap) => {
      this.#snapshot = snap;
    });
  }

  get state(): RunSnapshot {
    return this.#snapshot;
  }

  dispose(): void {
    this.#unsubscribe();
    this.run.dispose();
  }
}

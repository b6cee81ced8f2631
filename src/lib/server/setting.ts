// The remembered demo-server choice: one value that every lab on every page reads and edits, persisted so
// the reader picks a server once. A store (see reactive/store.ts), so the server field and the labs re-render
// when any of them changes it.
import { Snapshots, type Readable, type Subscriber } from '../reactive/store.ts';
import { choiceText, parseServerChoice, sameChoice, wsBaseOf, type ServerChoice } from './choice.ts';
import { endpointUrl } from './url.ts';

export const SERVER_STORAGE_KEY = 'wss-school:server';
/** The real server the reader left for the simulation, to go back to. */
export const REAL_SERVER_STORAGE_KEY = 'wss-school:server-real';

export type ServerSnapshot = {
  /** What the server field shows: the reader may be halfway through typing. */
  text: string;
  /** The text as a choice, or null while it names no server (labs then wait and the field says why). */
  choice: ServerChoice | null;
  /** The ws(s) base endpoint paths join to, or null with `choice`. */
  base: string | null;
};

/** The part of localStorage the setting uses; it may throw (storage blocked), which only stops remembering. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type ServerSettingOptions = {
  /** The choice when nothing was saved: PUBLIC_DEMO_SERVER or the page's own origin (choice.ts); null
   * while there is no page yet (rendering at build time), so labs wait. */
  fallback: ServerChoice | null;
  storage?: StorageLike | null;
  /** The real server to offer when leaving the simulation with none used before (the page's origin). */
  realFallback?: string;
};

export class ServerSetting implements Readable<ServerSnapshot> {
  readonly fallback: ServerChoice | null;
  readonly #realFallback: string;
  #storage: StorageLike | null;
  #text: string;
  #choice: ServerChoice | null;
  #snapshots = new Snapshots(() => this.snapshot);

  constructor(options: ServerSettingOptions) {
    this.fallback = options.fallback;
    this.#storage = options.storage ?? null;
    this.#realFallback = options.realFallback ?? (this.fallback?.mode === 'real' ? this.fallback.url : 'ws://localhost:8080');
    let saved: string | null = null;
    try {
      saved = this.#storage?.getItem(SERVER_STORAGE_KEY) ?? null;
    } catch {
      // Storage may be blocked; the fallback still works.
    }
    this.#choice = (saved ? parseServerChoice(saved) : null) ?? this.fallback;
    this.#text = this.#choice ? choiceText(this.#choice) : '';
  }

  get snapshot(): ServerSnapshot {
    const choice = this.#choice;
    return { text: this.#text, choice, base: choice ? wsBaseOf(choice) : null };
  }

  subscribe(listener: Subscriber<ServerSnapshot>): () => void {
    return this.#snapshots.subscribe(listener);
  }

  /** The reader typed in a server field: every lab follows, and a valid choice is remembered at once. */
  edit(text: string): void {
    this.#text = text;
    this.#choice = parseServerChoice(text);
    if (this.#choice) this.#remember(this.#choice);
    this.#snapshots.emit();
  }

  /** Picks a server outright (e.g. a "use the simulated server" button). */
  choose(choice: ServerChoice): void {
    this.edit(choiceText(choice));
  }

  /** Switches every lab to the simulated server, remembering the real one to come back to. */
  useSimulated(): void {
    const current = this.#choice;
    if (current?.mode === 'real') {
      try {
        this.#storage?.setItem(REAL_SERVER_STORAGE_KEY, current.url);
      } catch {
        // Not remembered: leaving the simulation then offers the default server.
      }
    }
    this.choose({ mode: 'simulated' });
  }

  /** The real server leaving the simulation goes back to: the one used before it, else the default. */
  get realBase(): string {
    let saved: string | null = null;
    try {
      saved = this.#storage?.getItem(REAL_SERVER_STORAGE_KEY) ?? null;
    } catch {
      // Storage blocked: the default it is.
    }
    const choice = saved ? parseServerChoice(saved) : null;
    return choice?.mode === 'real' ? choice.url : this.#realFallback;
  }

  /** Undoes useSimulated(): back to the real server. */
  useReal(): void {
    this.choose({ mode: 'real', url: this.realBase });
  }

  /** The URL of an endpoint (`/echo`, `/chat?nick=…`) on the chosen server, or null while none is chosen. */
  endpoint(path: string): string | null {
    const base = this.snapshot.base;
    return base === null ? null : endpointUrl(base, path);
  }

  /** The default server's base: for "e.g. …" in a message, and for code that must run while the field holds no server. */
  get defaultBase(): string {
    return this.fallback ? wsBaseOf(this.fallback) : 'ws://localhost:8080';
  }

  /** The endpoint on the default server, for "e.g. …" in a message about a server address that is not one. */
  example(path: string): string {
    return endpointUrl(this.defaultBase, path);
  }

  #remember(choice: ServerChoice): void {
    try {
      // The fallback is not stored, so a later PUBLIC_DEMO_SERVER or a new origin still takes effect.
      if (this.fallback && sameChoice(choice, this.fallback)) this.#storage?.removeItem(SERVER_STORAGE_KEY);
      else this.#storage?.setItem(SERVER_STORAGE_KEY, choiceText(choice));
    } catch {
      // Not remembered; the labs still use it on this page.
    }
  }
}

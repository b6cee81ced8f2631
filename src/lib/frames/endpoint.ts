// Which demo-server endpoint the frame inspector opens, and its path. The ranges are the server's own
// (README, "Endpoints"): a number outside them is brought inside rather than refused, since the field is a spinner.

import { INTERVAL_MAX_MS, INTERVAL_MIN_MS } from '../heartbeat/rules.ts';

/** The deliberate faults of /misbehave; the names are its query values. */
export const FAULTS = ['bad-opcode', 'masked', 'reserved-bit', 'long-ping', 'bad-utf8'] as const;
export type Fault = (typeof FAULTS)[number];

/** /echo?fragment=N sends each reply as N frames. */
export const FRAGMENTS_MIN = 2;
export const FRAGMENTS_MAX = 16;

export type FrameEndpoint = 'echo' | 'deflate' | 'fragment' | 'fault' | 'heartbeat';

export type EndpointChoice = {
  endpoint: FrameEndpoint;
  fragments: number;
  fault: Fault;
  interval: number;
};

function within(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value) || min));
}

export function endpointPath(choice: EndpointChoice): string {
  switch (choice.endpoint) {
    case 'echo':
      return '/echo';
    case 'deflate':
      return '/echo-deflate';
    case 'fault':
      return `/misbehave?fault=${choice.fault}`;
    case 'heartbeat':
      return `/heartbeat?interval=${within(choice.interval, INTERVAL_MIN_MS, INTERVAL_MAX_MS)}`;
    case 'fragment':
      return `/echo?fragment=${within(choice.fragments, FRAGMENTS_MIN, FRAGMENTS_MAX)}`;
  }
}

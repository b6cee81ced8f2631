import { describe, expect, it } from 'vitest';
import { endpointPath, type EndpointChoice } from './endpoint.ts';

const base: EndpointChoice = { endpoint: 'echo', fragments: 3, fault: 'bad-opcode', interval: 5000 };

describe('the frame inspector endpoint path', () => {
  it('names each endpoint with its query', () => {
    expect(endpointPath(base)).toBe('/echo');
    expect(endpointPath({ ...base, endpoint: 'deflate' })).toBe('/echo-deflate');
    expect(endpointPath({ ...base, endpoint: 'fragment' })).toBe('/echo?fragment=3');
    expect(endpointPath({ ...base, endpoint: 'fault', fault: 'bad-utf8' })).toBe('/misbehave?fault=bad-utf8');
    expect(endpointPath({ ...base, endpoint: 'heartbeat' })).toBe('/heartbeat?interval=5000');
  });

  it('brings numbers into the server\'s ranges instead of sending a request it refuses', () => {
    expect(endpointPath({ ...base, endpoint: 'fragment', fragments: 99 })).toBe('/echo?fragment=16');
    expect(endpointPath({ ...base, endpoint: 'fragment', fragments: 1 })).toBe('/echo?fragment=2');
    expect(endpointPath({ ...base, endpoint: 'fragment', fragments: 4.6 })).toBe('/echo?fragment=5');
    expect(endpointPath({ ...base, endpoint: 'fragment', fragments: Number.NaN })).toBe('/echo?fragment=2');
    expect(endpointPath({ ...base, endpoint: 'heartbeat', interval: 10 })).toBe('/heartbeat?interval=250');
    expect(endpointPath({ ...base, endpoint: 'heartbeat', interval: 60_000 })).toBe('/heartbeat?interval=10000');
  });
});

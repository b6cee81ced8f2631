import { describe, expect, it } from 'vitest';
import { chooseProtocol, parseProtocols } from './subprotocols.ts';

const echo = { path: '/echo', protocols: ['json', 'echo'] };

describe('subprotocol negotiation (demo server and simulator)', () => {
  it('reads the header as a list of distinct tokens', () => {
    expect(parseProtocols(undefined)).toEqual([]);
    expect(parseProtocols('json, echo')).toEqual(['json', 'echo']);
    expect(parseProtocols('json, json')).toBeNull();
    expect(parseProtocols('chat v2')).toBeNull();
    expect(parseProtocols('json,')).toBeNull();
  });

  it('chooses the first offered name the endpoint speaks, in the client\'s order', () => {
    expect(chooseProtocol(null, echo)).toBeNull();
    expect(chooseProtocol('echo, json', echo)).toBe('echo');
    expect(chooseProtocol('chat.v2, json', echo)).toBe('json');
  });

  it('refuses with 400 and says what the endpoint speaks', () => {
    expect(chooseProtocol('chat.v2', echo)).toEqual({ status: 400, reason: 'Unsupported subprotocol: /echo speaks only json, echo' });
    expect(chooseProtocol('json', { path: '/ticker', protocols: [] })).toEqual({ status: 400, reason: 'Unsupported subprotocol: /ticker speaks no subprotocol' });
    expect(chooseProtocol('a,a', echo)).toMatchObject({ status: 400, reason: expect.stringContaining('distinct tokens') });
  });
});

import { describe, expect, it } from 'vitest';
import { ChatRoom, checkChatText, checkNick, parseChatMessage } from './chat.ts';

const msg = (o: object) => JSON.stringify(o);

describe('checkNick', () => {
  it('accepts a trimmed name and rejects what the server would refuse', () => {
    expect(checkNick('  Lan ')).toEqual({ nick: 'Lan' });
    expect(checkNick('   ')).toEqual({ problem: 'empty' });
    expect(checkNick('x'.repeat(25))).toEqual({ problem: 'tooLong' });
    expect(checkNick('🙂'.repeat(24))).toEqual({ nick: '🙂'.repeat(24) }); // code points, not UTF-16 units
    expect(checkNick('a\u202Eb')).toEqual({ problem: 'control' }); // bidi override
    expect(checkNick('a\u0007')).toEqual({ problem: 'control' });
  });
});

describe('parseChatMessage', () => {
  it('accepts the documented shapes only', () => {
    expect(parseChatMessage(msg({ type: 'join', nick: 'A', count: 2 }))).toEqual({ type: 'join', nick: 'A', count: 2 });
    expect(parseChatMessage(msg({ type: 'message', nick: 'A', text: 'hi', t: 5 }))).toMatchObject({ text: 'hi' });
    expect(parseChatMessage(msg({ type: 'error', message: 'no' }))).toEqual({ type: 'error', message: 'no' });
    expect(parseChatMessage(msg({ type: 'message', nick: 'A', text: 3, t: 5 }))).toBeNull();
    expect(parseChatMessage('not json')).toBeNull();
    expect(parseChatMessage(new ArrayBuffer(2))).toBeNull();
  });
});

describe('ChatRoom', () => {
  it('marks our own join and messages, even when another member has the same name', () => {
    const room = new ChatRoom();
    room.joining('An');
    room.receive(msg({ type: 'join', nick: 'An', count: 3 }));
    room.receive(msg({ type: 'join', nick: 'An', count: 4 })); // someone else called An
    room.sent('xin chào');
    room.receive(msg({ type: 'message', nick: 'An', text: 'hello', t: 1 })); // the other An
    room.receive(msg({ type: 'message', nick: 'An', text: 'xin chào', t: 2 }));
    expect(room.entries.map((e) => [e.kind, 'own' in e && e.own])).toEqual([
      ['join', true],
      ['join', false],
      ['message', false],
      ['message', true],
    ]);
    expect(room.members).toBe(4);
  });

  it('keeps HTML as a plain string', () => {
    const room = new ChatRoom();
    room.receive(msg({ type: 'message', nick: '<b>x</b>', text: '<img src=x onerror=alert(1)>', t: 1 }));
    expect(room.entries[0]).toMatchObject({ nick: '<b>x</b>', text: '<img src=x onerror=alert(1)>' });
  });

  it('an error answers the oldest pending message, and repeats collapse into one line', () => {
    const room = new ChatRoom();
    room.joining('B');
    room.sent('too long');
    room.sent('ok');
    room.receive(msg({ type: 'error', message: 'too long!' }));
    room.receive(msg({ type: 'message', nick: 'B', text: 'ok', t: 1 }));
    expect(room.entries.at(-1)).toMatchObject({ kind: 'message', own: true });
    for (let i = 0; i < 3; i++) room.receive(msg({ type: 'error', message: 'Unknown message' }));
    expect(room.entries.at(-1)).toMatchObject({ kind: 'error', message: 'Unknown message', repeat: 3 });
  });

  it('records unexpected frames and closes, and stays bounded', () => {
    const room = new ChatRoom(5);
    room.receive('garbage');
    room.closed(1008, 'Rate limit: at most 50 messages per second', true);
    expect(room.entries.map((e) => e.kind)).toEqual(['invalid', 'closed']);
    expect(room.members).toBeNull();
    for (let i = 0; i < 10; i++) room.receive(msg({ type: 'leave', nick: 'C', count: i }));
    expect(room.entries).toHaveLength(5);
    expect(room.members).toBe(9);
  });

  it('records the server link going down and coming back (several instances on one Redis)', () => {
    const room = new ChatRoom();
    room.receive(msg({ type: 'notice', code: 'local', message: 'The link between chat servers is down…' }));
    room.receive(msg({ type: 'notice', code: 'shared', message: 'back' }));
    room.receive(msg({ type: 'notice', code: 'other', message: 'x' }));
    expect(room.entries.map((e) => (e.kind === 'link' ? e.state : e.kind))).toEqual(['local', 'shared', 'invalid']);
  });
});

describe('checkChatText (the server checks messages with it too)', () => {
  it('accepts text with newlines and tabs, up to 500 characters', () => {
    expect(checkChatText('hi\tthere\nand more')).toBeNull();
    expect(checkChatText('ế'.repeat(500))).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkChatText(42)).toBe('notString');
    expect(checkChatText('  ')).toBe('empty');
    expect(checkChatText('a'.repeat(501))).toBe('tooLong');
    expect(checkChatText('bell\u0007')).toBe('control');
    expect(checkChatText('rtl\u202e')).toBe('control');
  });
});

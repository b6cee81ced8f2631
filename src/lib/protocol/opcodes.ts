// The opcode table (RFC 6455 §5.2, §11.8): a name and a meaning for each of the 16 values, so a view can
// explain any frame's type, including the reserved ones a misbehaving peer might send. The words live in
// text.en.ts / text.vi.ts; `title` and `meaning` are keys into them (see message.ts).

import { message, type Message } from './message.ts';

export type OpcodeInfo = {
  opcode: number;
  name: string;
  /** The name in the reader's language (frame type names stay English where developers keep them). */
  title: Message;
  kind: 'data' | 'control';
  /** Reserved values mean nothing without an extension; receiving one fails the connection. */
  reserved: boolean;
  meaning: Message;
};

// Plain literals (no calls), so a bundle that never reads the table drops it.
export const OPCODES: readonly OpcodeInfo[] = [
  { opcode: 0, name: 'Continuation', title: { key: 'protocol.opcode.0.name' }, kind: 'data', reserved: false, meaning: { key: 'protocol.opcode.0' } },
  { opcode: 1, name: 'Text', title: { key: 'protocol.opcode.1.name' }, kind: 'data', reserved: false, meaning: { key: 'protocol.opcode.1' } },
  { opcode: 2, name: 'Binary', title: { key: 'protocol.opcode.2.name' }, kind: 'data', reserved: false, meaning: { key: 'protocol.opcode.2' } },
  { opcode: 8, name: 'Close', title: { key: 'protocol.opcode.8.name' }, kind: 'control', reserved: false, meaning: { key: 'protocol.opcode.8' } },
  { opcode: 9, name: 'Ping', title: { key: 'protocol.opcode.9.name' }, kind: 'control', reserved: false, meaning: { key: 'protocol.opcode.9' } },
  { opcode: 10, name: 'Pong', title: { key: 'protocol.opcode.10.name' }, kind: 'control', reserved: false, meaning: { key: 'protocol.opcode.10' } },
];

function reservedOpcode(opcode: number): OpcodeInfo {
  const control = opcode >= 8;
  const hex = `0x${opcode.toString(16).toUpperCase()}`;
  return {
    opcode,
    name: `Reserved (${hex})`,
    title: message('protocol.opcode.reserved.name', { hex }),
    kind: control ? 'control' : 'data',
    reserved: true,
    meaning: message(control ? 'protocol.opcode.reserved.control' : 'protocol.opcode.reserved.data'),
  };
}

/** What an opcode (0–15) means; null for anything that does not fit in the 4-bit field. */
export function opcodeInfo(opcode: number): OpcodeInfo | null {
  if (!Number.isInteger(opcode) || opcode < 0 || opcode > 15) return null;
  return OPCODES.find((entry) => entry.opcode === opcode) ?? reservedOpcode(opcode);
}

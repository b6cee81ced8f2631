// /chat?nick=NAME: one broadcast room (room.ts; one across instances when they share a bus). Text is relayed
// as a JSON string and never interpreted (the server has no HTML anywhere); rendering it safely as text is
// the page's job.
import { deliver } from '../broadcast.ts';
import { listen, type Client } from '../client.ts';
import type { Bus } from '../bus.ts';
import { defineEndpoint, isRejection, type Endpoint } from '../endpoint.ts';
import { ChatRoom } from '../room.ts';
import { CHAT_BINARY_CLOSE, chatNick, readChatMessage } from '../../src/lib/realtime/chatServer.ts';

export function createChat(bus: Bus | null): Endpoint {
  const room = new ChatRoom(bus);

  function onChatMessage(this: Client, data: Buffer, isBinary: boolean): void {
    if (!this.admit()) return;
    if (isBinary) {
      this.close(CHAT_BINARY_CLOSE.code, CHAT_BINARY_CLOSE.reason);
      return;
    }
    if (!room.members.has(this)) return;
    const read = readChatMessage(data.toString('utf8'));
    if ('error' in read) deliver(this, JSON.stringify(read.error));
    else room.say(this, read.text);
  }

  return defineEndpoint('/chat', {
    prepare(query) {
      const nick = chatNick(query);
      if (isRejection(nick)) return nick;
      return (client) => {
        listen(client, 'message', onChatMessage);
        room.join(client, nick);
      };
    },
    closed: (client) => room.leave(client),
    stop: () => room.stop(),
  });
}

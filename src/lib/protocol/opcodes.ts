// The opcode table (RFC 6455 §5.2, §11.8): a name and a meaning for each of the 16 values, so a view can
// explain any frame's type, including the reserved ones a misbehaving peer might send.

export type OpcodeInfo = {
  opcode: number;
  name: string;
  /** The name as a Vietnamese reader would say it (frame type names stay English where developers keep them). */
  nameVi: string;
  kind: 'data' | 'control';
  /** Reserved values mean nothing without an extension; receiving one fails the connection. */
  reserved: boolean;
  en: string;
  vi: string;
};

export const OPCODES: readonly OpcodeInfo[] = [
  {
    opcode: 0,
    name: 'Continuation',
    nameVi: 'Continuation (tiếp nối)',
    kind: 'data',
    reserved: false,
    en: 'Continues a fragmented message that a text or binary frame started; FIN = 1 marks the last fragment.',
    vi: 'Nối tiếp một thông điệp bị phân mảnh mà khung text hoặc binary đã mở đầu; FIN = 1 đánh dấu mảnh cuối cùng.',
  },
  {
    opcode: 1,
    name: 'Text',
    nameVi: 'Text (văn bản)',
    kind: 'data',
    reserved: false,
    en: 'A text message, or its first fragment. The payload must be UTF-8; the browser hands it to onmessage as a string.',
    vi: 'Một thông điệp văn bản, hoặc mảnh đầu của nó. Payload bắt buộc là UTF-8; trình duyệt chuyển nó cho onmessage dưới dạng chuỗi.',
  },
  {
    opcode: 2,
    name: 'Binary',
    nameVi: 'Binary (nhị phân)',
    kind: 'data',
    reserved: false,
    en: 'A binary message, or its first fragment: bytes the application interprets itself (a Blob or ArrayBuffer, per binaryType).',
    vi: 'Một thông điệp nhị phân, hoặc mảnh đầu của nó: các byte do ứng dụng tự diễn giải (Blob hoặc ArrayBuffer, tuỳ binaryType).',
  },
  {
    opcode: 8,
    name: 'Close',
    nameVi: 'Close (đóng)',
    kind: 'control',
    reserved: false,
    en: 'Starts or answers the closing handshake. The payload is empty, or a 2-byte status code followed by a UTF-8 reason.',
    vi: 'Bắt đầu hoặc đáp lại quá trình bắt tay đóng kết nối. Payload rỗng, hoặc gồm mã trạng thái 2 byte rồi đến lý do dạng UTF-8.',
  },
  {
    opcode: 9,
    name: 'Ping',
    nameVi: 'Ping',
    kind: 'control',
    reserved: false,
    en: 'Asks the peer to answer with a pong carrying the same payload: a keep-alive, or a check that the peer is still there. Browsers answer pings themselves; pages never see them.',
    vi: 'Yêu cầu bên kia trả lời bằng một pong mang đúng payload đó: để giữ kết nối, hoặc để kiểm tra bên kia còn hoạt động. Trình duyệt tự trả lời ping; trang web không bao giờ thấy chúng.',
  },
  {
    opcode: 10,
    name: 'Pong',
    nameVi: 'Pong',
    kind: 'control',
    reserved: false,
    en: 'The answer to a ping, with the same payload. May also be sent unasked, as a one-way heartbeat.',
    vi: 'Câu trả lời cho một ping, với cùng payload. Cũng có thể được gửi mà không cần ai hỏi, như một nhịp tim một chiều.',
  },
];

function reservedOpcode(opcode: number): OpcodeInfo {
  const control = opcode >= 8;
  const hex = opcode.toString(16).toUpperCase();
  return {
    opcode,
    name: `Reserved (0x${hex})`,
    nameVi: `Dành riêng (0x${hex})`,
    kind: control ? 'control' : 'data',
    reserved: true,
    en: control
      ? 'Reserved for future control frames. Without an extension that defines it, the receiver fails the connection (1002).'
      : 'Reserved for future data frames. Without an extension that defines it, the receiver fails the connection (1002).',
    vi: control
      ? 'Dành riêng cho các loại khung điều khiển trong tương lai. Nếu không có tiện ích mở rộng nào định nghĩa nó, bên nhận sẽ ngắt kết nối (1002).'
      : 'Dành riêng cho các loại khung dữ liệu trong tương lai. Nếu không có tiện ích mở rộng nào định nghĩa nó, bên nhận sẽ ngắt kết nối (1002).',
  };
}

/** What an opcode (0–15) means; null for anything that does not fit in the 4-bit field. */
export function opcodeInfo(opcode: number): OpcodeInfo | null {
  if (!Number.isInteger(opcode) || opcode < 0 || opcode > 15) return null;
  return OPCODES.find((entry) => entry.opcode === opcode) ?? reservedOpcode(opcode);
}

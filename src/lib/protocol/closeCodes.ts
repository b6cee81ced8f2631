// Close status codes (RFC 6455 §7.4): what each means, whether it may travel in a close frame, and whether
// a page may pass it to WebSocket.close(). The decoder's close-frame check and the labs' explanations both
// read this table, so "valid" has one definition.

export type CloseCodeInfo = {
  code: number;
  name: string;
  en: string;
  vi: string;
  /** May appear in a close frame. 1005, 1006 and 1015 never do: they only report what happened. */
  onWire: boolean;
  /** WebSocket.close(code) accepts it: only 1000 and 3000–4999, anything else throws InvalidAccessError. */
  canSendFromBrowser: boolean;
  /** Where the code is defined. */
  rule: string;
};

export type CloseCodeRange = Omit<CloseCodeInfo, 'code'> & { from: number; to: number };

const RFC = 'RFC 6455 §7.4.1';
const IANA = 'IANA WebSocket Close Code Number Registry';

export const CLOSE_CODES: readonly CloseCodeInfo[] = [
  {
    code: 1000,
    name: 'Normal Closure',
    en: 'The connection did what it was opened for; a normal, intended close.',
    vi: 'Kết nối đã hoàn thành việc nó được mở ra để làm; đóng bình thường, có chủ ý.',
    onWire: true,
    canSendFromBrowser: true,
    rule: RFC,
  },
  {
    code: 1001,
    name: 'Going Away',
    en: 'An endpoint is going away: a server shutting down, or a browser leaving the page. Browsers send it themselves on navigation, but close(1001) throws.',
    vi: 'Một bên sắp rời đi: server đang tắt, hoặc trình duyệt rời khỏi trang. Trình duyệt tự gửi mã này khi chuyển trang, nhưng gọi close(1001) sẽ ném lỗi.',
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1002,
    name: 'Protocol Error',
    en: 'The endpoint received something that breaks the WebSocket protocol, such as a reserved opcode or an unmasked client frame.',
    vi: 'Bên nhận gặp dữ liệu vi phạm giao thức WebSocket, chẳng hạn một opcode dành riêng hoặc một khung từ client không có mặt nạ.',
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1003,
    name: 'Unsupported Data',
    en: 'The endpoint received a kind of data it cannot accept, e.g. binary when it only understands text.',
    vi: 'Bên nhận nhận được loại dữ liệu mà nó không chấp nhận, ví dụ dữ liệu nhị phân trong khi nó chỉ hiểu văn bản.',
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1004,
    name: 'Reserved',
    en: 'Reserved: a meaning may be defined in the future. Never sent.',
    vi: 'Dành riêng: ý nghĩa có thể được định nghĩa trong tương lai. Không bao giờ được gửi đi.',
    onWire: false,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1005,
    name: 'No Status Received',
    en: 'Never on the wire: reported to the application (event.code) when a close frame arrived without a status code.',
    vi: 'Không bao giờ có trên đường truyền: được báo cho ứng dụng (event.code) khi khung close đến mà không kèm mã trạng thái.',
    onWire: false,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1006,
    name: 'Abnormal Closure',
    en: 'Never on the wire: reported to the application when the connection ended without a close frame; wasClean is false.',
    vi: 'Không bao giờ có trên đường truyền: được báo cho ứng dụng khi kết nối kết thúc mà không có khung close; khi đó wasClean là false.',
    onWire: false,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1007,
    name: 'Invalid Frame Payload Data',
    en: 'The endpoint received data that does not match the message type, such as invalid UTF-8 in a text message.',
    vi: 'Bên nhận nhận được dữ liệu không khớp với loại thông điệp, chẳng hạn UTF-8 không hợp lệ trong một thông điệp văn bản.',
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1008,
    name: 'Policy Violation',
    en: 'The endpoint received a message that violates its policy; the generic code when no more specific one fits.',
    vi: 'Bên nhận gặp một thông điệp vi phạm chính sách của nó; đây là mã chung khi không có mã nào cụ thể hơn.',
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1009,
    name: 'Message Too Big',
    en: 'The endpoint received a message too big for it to process.',
    vi: 'Bên nhận nhận được một thông điệp quá lớn, vượt khả năng xử lý của nó.',
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1010,
    name: 'Mandatory Extension',
    en: 'Sent by a client: the server did not agree to an extension the client requires. The reason names the missing extensions.',
    vi: 'Do client gửi: server không đồng ý dùng một tiện ích mở rộng mà client bắt buộc phải có. Phần lý do nêu tên các tiện ích còn thiếu.',
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1011,
    name: 'Internal Error',
    en: 'An endpoint (usually the server) hit an unexpected condition that kept it from fulfilling the request.',
    vi: 'Một bên (thường là server) gặp sự cố ngoài dự kiến khiến nó không thể đáp ứng yêu cầu.',
    onWire: true,
    canSendFromBrowser: false,
    rule: RFC,
  },
  {
    code: 1012,
    name: 'Service Restart',
    en: 'The server is restarting. The client may reconnect, preferably after a short random delay.',
    vi: 'Server đang khởi động lại. Client có thể kết nối lại, tốt nhất là sau một khoảng chờ ngắn ngẫu nhiên.',
    onWire: true,
    canSendFromBrowser: false,
    rule: IANA,
  },
  {
    code: 1013,
    name: 'Try Again Later',
    en: 'The server is temporarily overloaded or unable to serve; the client should try again later.',
    vi: 'Server đang tạm thời quá tải hoặc chưa thể phục vụ; client nên thử lại sau.',
    onWire: true,
    canSendFromBrowser: false,
    rule: IANA,
  },
  {
    code: 1014,
    name: 'Bad Gateway',
    en: 'The server was acting as a gateway or proxy and got an invalid response from the server behind it.',
    vi: 'Server đang làm gateway hoặc proxy và nhận được phản hồi không hợp lệ từ server phía sau nó.',
    onWire: true,
    canSendFromBrowser: false,
    rule: IANA,
  },
  {
    code: 1015,
    name: 'TLS Handshake',
    en: 'Never on the wire: reported to the application when the TLS handshake failed, e.g. the certificate could not be verified.',
    vi: 'Không bao giờ có trên đường truyền: được báo cho ứng dụng khi bắt tay TLS thất bại, chẳng hạn không xác minh được chứng chỉ.',
    onWire: false,
    canSendFromBrowser: false,
    rule: RFC,
  },
];

export const CLOSE_CODE_RANGES: readonly CloseCodeRange[] = [
  {
    from: 0,
    to: 999,
    name: 'Unused',
    en: 'Codes below 1000 are not used; a close frame must not carry one.',
    vi: 'Các mã dưới 1000 không được dùng; khung close không được mang mã nào trong khoảng này.',
    onWire: false,
    canSendFromBrowser: false,
    rule: 'RFC 6455 §7.4.2',
  },
  {
    from: 1000,
    to: 2999,
    name: 'Protocol',
    en: 'Reserved for the WebSocket protocol, its revisions and extensions. A code here that is not yet registered must not be sent.',
    vi: 'Dành cho bản thân giao thức WebSocket, các bản sửa đổi và tiện ích mở rộng của nó. Mã nào trong khoảng này chưa được đăng ký thì không được gửi.',
    onWire: false,
    canSendFromBrowser: false,
    rule: 'RFC 6455 §7.4.2',
  },
  {
    from: 3000,
    to: 3999,
    name: 'Registered',
    en: 'For libraries, frameworks and applications, registered with IANA (first come, first served).',
    vi: 'Dành cho thư viện, framework và ứng dụng, được đăng ký với IANA (ai đăng ký trước được trước).',
    onWire: true,
    canSendFromBrowser: true,
    rule: 'RFC 6455 §7.4.2',
  },
  {
    from: 4000,
    to: 4999,
    name: 'Private Use',
    en: 'Private use: the two ends of an application agree on what they mean; nobody registers them.',
    vi: 'Dùng riêng: hai đầu của một ứng dụng tự thoả thuận ý nghĩa với nhau; không ai đăng ký các mã này.',
    onWire: true,
    canSendFromBrowser: true,
    rule: 'RFC 6455 §7.4.2',
  },
  {
    from: 5000,
    to: 65535,
    name: 'Undefined',
    en: 'RFC 6455 defines nothing above 4999; a close frame must not carry such a code.',
    vi: 'RFC 6455 không định nghĩa mã nào trên 4999; khung close không được mang mã như vậy.',
    onWire: false,
    canSendFromBrowser: false,
    rule: 'RFC 6455 §7.4.2',
  },
];

/** What a status code means: its own entry when it has one, otherwise its range's. Null outside 0–65535. */
export function closeCodeInfo(code: number): CloseCodeInfo | null {
  const named = CLOSE_CODES.find((entry) => entry.code === code);
  if (named) return named;
  const range = CLOSE_CODE_RANGES.find((entry) => code >= entry.from && code <= entry.to);
  if (!range || !Number.isInteger(code)) return null;
  const { name, en, vi, onWire, canSendFromBrowser, rule } = range;
  return { code, name, en, vi, onWire, canSendFromBrowser, rule };
}

/** May `code` be sent in a close frame? 1000–1003, 1007–1014 and 3000–4999. */
export function isValidCloseCode(code: number): boolean {
  return closeCodeInfo(code)?.onWire ?? false;
}

/** Will WebSocket.close(code) accept it? Only 1000 and 3000–4999. */
export function canSendFromBrowser(code: number): boolean {
  return closeCodeInfo(code)?.canSendFromBrowser ?? false;
}

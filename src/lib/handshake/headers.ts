// Every header a reader is likely to meet in a WebSocket opening handshake — the ones RFC 6455 defines,
// the ordinary HTTP ones a browser adds, and the ones proxies add on the way — with where it is specified
// and what it means, in both languages. The handshake lab and the lesson's reference table both read it.

import type { Bilingual } from '../protocol/bilingual.ts';

/**
 * Why a header is there:
 * - `required`: RFC 6455 requires it in this message;
 * - `optional`: defined by RFC 6455 (or an extension RFC), sent only when something is negotiated;
 * - `browser`: browsers send it by rule (Fetch, RFC 6455 for browser clients), other clients need not;
 * - `http`: ordinary HTTP, not about WebSocket at all;
 * - `proxy`: added by a proxy or load balancer between the browser and the server;
 * - `refusal`: sent only in a response that refuses the handshake.
 */
export type HeaderRole = 'required' | 'optional' | 'browser' | 'http' | 'proxy' | 'refusal';

export type HeaderSide = 'request' | 'response';

export type SpecRef = { label: string; href: string };

export type HeaderUse = { role: HeaderRole } & Bilingual;

export type HandshakeHeader = {
  /** The name as specifications write it; names are case-insensitive on the wire. */
  name: string;
  /** A fragment id for deep links: `header-sec-websocket-key`. */
  id: string;
  request?: HeaderUse;
  response?: HeaderUse;
  /** What it means in a response that refuses the handshake (400, 403, 426…), when that differs from `response`. */
  refusal?: HeaderUse;
  refs: readonly SpecRef[];
};

const rfc6455 = (section: string): SpecRef => ({
  label: `RFC 6455 §${section}`,
  href: `https://www.rfc-editor.org/rfc/rfc6455#section-${section}`,
});
// RFC 9110/9111 pages have named anchors per field (#field.upgrade); section numbers are for reading.
const rfc9110 = (section: string, field: string): SpecRef => ({
  label: `RFC 9110 §${section}`,
  href: `https://www.rfc-editor.org/rfc/rfc9110#field.${field}`,
});
const rfc9111 = (section: string, field: string): SpecRef => ({
  label: `RFC 9111 §${section}`,
  href: `https://www.rfc-editor.org/rfc/rfc9111#field.${field}`,
});
const rfc = (n: number, section: string): SpecRef => ({
  label: `RFC ${n} §${section}`,
  href: `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`,
});
const whatwg: SpecRef = { label: 'WHATWG WebSockets', href: 'https://websockets.spec.whatwg.org/#concept-websocket-establish' };
const fetchMetadata: SpecRef = { label: 'Fetch Metadata', href: 'https://www.w3.org/TR/fetch-metadata/' };

/** The fragment id a header's explanation has on the page: `Sec-WebSocket-Key` → `header-sec-websocket-key`. */
export function headerAnchor(name: string): string {
  return `header-${name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function header(name: string, refs: SpecRef[], uses: { request?: HeaderUse; response?: HeaderUse; refusal?: HeaderUse }): HandshakeHeader {
  return { name, id: headerAnchor(name), refs, ...uses };
}

export const HANDSHAKE_HEADERS: readonly HandshakeHeader[] = [
  header('Host', [rfc6455('4.1'), rfc9110('7.2', 'host')], {
    request: {
      role: 'required',
      en: 'The host name (and port, if not the default) from the WebSocket URL. One server can serve many sites, and the Host says which one is meant; servers also compare it with Origin to tell same-site pages from others.',
      vi: 'Tên máy chủ (kèm cổng, nếu không phải cổng mặc định) lấy từ URL WebSocket. Một server có thể phục vụ nhiều trang, và Host cho biết trang nào được gọi; server cũng so nó với Origin để phân biệt trang cùng site với trang lạ.',
    },
  }),
  header('Upgrade', [rfc6455('4.1'), rfc6455('4.2.2'), rfc9110('7.8', 'upgrade')], {
    request: {
      role: 'required',
      en: 'Asks the server to switch this TCP connection from HTTP to another protocol: here `websocket` (case does not matter).',
      vi: 'Yêu cầu server chuyển kết nối TCP này từ HTTP sang một giao thức khác: ở đây là `websocket` (không phân biệt hoa thường).',
    },
    response: {
      role: 'required',
      en: 'The server confirms the switch to `websocket`. If it is missing or names anything else, the browser fails the connection.',
      vi: 'Server xác nhận việc chuyển sang `websocket`. Nếu thiếu, hoặc ghi một giao thức khác, trình duyệt sẽ huỷ kết nối.',
    },
  }),
  header('Connection', [rfc6455('4.1'), rfc6455('4.2.2'), rfc9110('7.6.1', 'connection')], {
    request: {
      role: 'required',
      en: 'Must include the token `Upgrade`. It makes the Upgrade header hop-by-hop (RFC 9110 §7.6.1): meant for the next hop only, so a proxy strips it and may forward a plain GET — which is why a proxy in front of a WebSocket server must be told to pass the upgrade on.',
      vi: 'Phải chứa từ khoá `Upgrade`. Nó biến header Upgrade thành header theo từng chặng (hop-by-hop, RFC 9110 §7.6.1): chỉ dành cho chặng kế tiếp, nên proxy gỡ nó đi và có thể chuyển tiếp một GET thường — vì thế proxy đứng trước server WebSocket phải được cấu hình để chuyển tiếp việc nâng cấp.',
    },
    response: {
      role: 'required',
      en: 'Must include `Upgrade` too; otherwise the browser fails the connection.',
      vi: 'Cũng phải chứa `Upgrade`; nếu không, trình duyệt sẽ huỷ kết nối.',
    },
    refusal: {
      role: 'refusal',
      en: '`close`: no switch to WebSocket — the server closes the TCP connection right after this answer.',
      vi: '`close`: không có chuyện chuyển sang WebSocket — server đóng kết nối TCP ngay sau câu trả lời này.',
    },
  }),
  header('Sec-WebSocket-Key', [rfc6455('4.1'), rfc6455('11.3.1')], {
    request: {
      role: 'required',
      en: '16 random bytes in base64 (24 characters), new for every connection. It is not a secret and protects no data: the server must hash it into Sec-WebSocket-Accept to prove it understood a WebSocket handshake. Like every `Sec-` header, page scripts cannot set it, so fetch() or a form can never pose as a WebSocket client.',
      vi: '16 byte ngẫu nhiên mã hoá base64 (24 ký tự), mỗi kết nối một giá trị mới. Nó không phải bí mật và không bảo vệ dữ liệu nào: server phải băm nó thành Sec-WebSocket-Accept để chứng minh mình hiểu đây là một lần bắt tay WebSocket. Như mọi header bắt đầu bằng `Sec-`, script trong trang không thể tự đặt nó, nên fetch() hay một form không bao giờ giả làm client WebSocket được.',
    },
  }),
  header('Sec-WebSocket-Version', [rfc6455('4.1'), rfc6455('4.4'), rfc6455('11.3.5')], {
    request: {
      role: 'required',
      en: 'The protocol version the client speaks. RFC 6455 is version `13`, and every browser sends 13.',
      vi: 'Phiên bản giao thức mà client dùng. RFC 6455 là phiên bản `13`, và mọi trình duyệt đều gửi 13.',
    },
    response: {
      role: 'refusal',
      en: 'Only in a refusal: a server that does not speak the requested version answers `426 Upgrade Required` and lists here the versions it does speak.',
      vi: 'Chỉ có trong lời từ chối: server không hỗ trợ phiên bản được yêu cầu sẽ trả `426 Upgrade Required` và liệt kê ở đây các phiên bản nó hỗ trợ.',
    },
  }),
  header('Origin', [rfc6455('4.1'), rfc6455('10.2'), rfc(6454, '7')], {
    request: {
      role: 'browser',
      en: 'The origin (scheme, host, port) of the page that opened the socket, set by the browser; scripts cannot change it. WebSocket has no same-origin policy, and cookies go along, so a server must check Origin itself, or any website can open a socket in the visitor’s name (cross-site WebSocket hijacking). Non-browser clients can send any Origin, or none.',
      vi: 'Origin (scheme, host, cổng) của trang đã mở socket, do trình duyệt đặt; script không sửa được. WebSocket không có chính sách cùng nguồn gốc (same-origin policy), và cookie vẫn được gửi kèm, nên server phải tự kiểm tra Origin; nếu không, bất kỳ website nào cũng có thể mở socket dưới danh nghĩa người truy cập (cross-site WebSocket hijacking). Client ngoài trình duyệt có thể gửi Origin tuỳ ý, hoặc không gửi.',
    },
  }),
  header('Sec-WebSocket-Protocol', [rfc6455('4.1'), rfc6455('11.3.4'), whatwg], {
    request: {
      role: 'optional',
      en: 'The subprotocols the page offered (the second argument of `new WebSocket(url, protocols)`), most preferred first. Sent only when the page offered some.',
      vi: 'Các subprotocol mà trang đề xuất (tham số thứ hai của `new WebSocket(url, protocols)`), ưu tiên nhất đứng trước. Chỉ được gửi khi trang có đề xuất.',
    },
    response: {
      role: 'optional',
      en: 'The one subprotocol the server chose. It must be one the client offered; and when the page offered some, browsers (following the WHATWG standard) also fail the connection if this header is missing. The page reads it as `socket.protocol`.',
      vi: 'Subprotocol duy nhất mà server chọn. Nó phải nằm trong danh sách client đã đề xuất; và khi trang có đề xuất, trình duyệt (theo chuẩn WHATWG) cũng huỷ kết nối nếu phản hồi thiếu header này. Trang đọc giá trị này qua `socket.protocol`.',
    },
  }),
  header('Sec-WebSocket-Extensions', [rfc6455('9.1'), rfc6455('11.3.2'), rfc(7692, '5')], {
    request: {
      role: 'optional',
      en: 'Extensions the browser offers, with parameters. Browsers offer `permessage-deflate` (compression, RFC 7692) on their own; pages cannot choose.',
      vi: 'Các extension (phần mở rộng của giao thức) mà trình duyệt đề xuất, kèm tham số. Trình duyệt tự đề xuất `permessage-deflate` (nén dữ liệu, RFC 7692); trang không chọn được.',
    },
    response: {
      role: 'optional',
      en: 'The extensions the server accepted, with their final parameters — only ones the client offered. The page reads them as `socket.extensions`; absent means no extension, messages are sent as they are.',
      vi: 'Các extension mà server chấp nhận, kèm tham số cuối cùng — chỉ được nằm trong số client đã đề xuất. Trang đọc qua `socket.extensions`; không có header này nghĩa là không dùng extension nào, tin nhắn được gửi nguyên vẹn.',
    },
  }),
  header('Sec-WebSocket-Accept', [rfc6455('4.2.2'), rfc6455('11.3.3')], {
    response: {
      role: 'required',
      en: 'base64(SHA-1(Sec-WebSocket-Key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")). The browser computes the same value and fails the connection if they differ: proof that the server read this very request as a WebSocket handshake, not a cached or misunderstood answer.',
      vi: 'base64(SHA-1(Sec-WebSocket-Key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")). Trình duyệt tự tính cùng giá trị đó và huỷ kết nối nếu hai bên khác nhau: bằng chứng rằng server đã đọc đúng request này như một lần bắt tay WebSocket, chứ không phải một câu trả lời lấy từ cache hay bị hiểu nhầm.',
    },
  }),
  header('User-Agent', [rfc9110('10.1.5', 'user-agent')], {
    request: {
      role: 'http',
      en: 'The browser’s name and version, as on every request. Nothing in WebSocket depends on it.',
      vi: 'Tên và phiên bản trình duyệt, giống mọi request khác. WebSocket không dựa vào nó.',
    },
  }),
  header('Cookie', [rfc(6265, '5.4')], {
    request: {
      role: 'http',
      en: 'The cookies the browser holds for this host, sent exactly as with any request — the usual way to know who opened a socket. It is also why Origin must be checked: another site’s page gets them sent too.',
      vi: 'Các cookie trình duyệt đang giữ cho host này, được gửi y như với mọi request — cách thường dùng để biết ai đã mở socket. Đó cũng là lý do phải kiểm tra Origin: trang của site khác mở socket thì cookie vẫn được gửi theo.',
    },
  }),
  header('Authorization', [rfc6455('4.1'), rfc9110('11.6.2', 'authorization')], {
    request: {
      role: 'http',
      en: 'HTTP authentication credentials. Browsers send it only after the user signed in with HTTP authentication on this site; a page cannot add it, since the WebSocket API takes no headers.',
      vi: 'Thông tin xác thực HTTP. Trình duyệt chỉ gửi nó khi người dùng đã đăng nhập bằng xác thực HTTP trên site này; trang không thể tự thêm, vì API WebSocket không nhận header nào.',
    },
  }),
  header('Pragma', [rfc9111('5.4', 'pragma')], {
    request: {
      role: 'http',
      en: '`no-cache`: the HTTP/1.0 way of saying “do not answer from a cache”, for old proxies. Chrome sends it with Cache-Control.',
      vi: '`no-cache`: cách nói của HTTP/1.0 rằng “đừng trả lời từ cache”, dành cho các proxy cũ. Chrome gửi nó cùng Cache-Control.',
    },
  }),
  header('Cache-Control', [rfc9111('5.2', 'cache-control')], {
    request: {
      role: 'http',
      en: '`no-cache`: no cache along the way may answer this request with a stored response; a handshake must reach the real server.',
      vi: '`no-cache`: không cache nào trên đường đi được trả lời request này bằng một phản hồi đã lưu; lần bắt tay phải tới được server thật.',
    },
    refusal: {
      role: 'http',
      en: '`no-store`: no cache may keep this refusal; the next attempt must ask the server again.',
      vi: '`no-store`: không cache nào được giữ lại lời từ chối này; lần thử sau phải hỏi lại chính server.',
    },
  }),
  header('Content-Type', [rfc9110('8.3', 'content-type')], {
    refusal: {
      role: 'http',
      en: 'A refusal is an ordinary HTTP response with a body; here the body is plain text: the server’s reason. Browsers never hand it to the page.',
      vi: 'Lời từ chối là một phản hồi HTTP bình thường có body; ở đây body là văn bản thuần: lý do của server. Trình duyệt không bao giờ chuyển nó cho trang.',
    },
  }),
  header('Content-Length', [rfc9110('8.6', 'content-length')], {
    refusal: {
      role: 'http',
      en: 'The size of the body in bytes, so the browser knows where the answer ends.',
      vi: 'Kích thước của body tính bằng byte, để trình duyệt biết câu trả lời kết thúc ở đâu.',
    },
  }),
  header('Accept', [rfc9110('12.5.1', 'accept')], {
    request: {
      role: 'http',
      en: 'The kinds of response body the client accepts (Firefox sends `*/*`). A 101 response has no body, so it means nothing here.',
      vi: 'Các loại nội dung phản hồi mà client chấp nhận (Firefox gửi `*/*`). Phản hồi 101 không có body nên header này không có ý nghĩa gì ở đây.',
    },
  }),
  header('Accept-Encoding', [rfc9110('12.5.3', 'accept-encoding')], {
    request: {
      role: 'http',
      en: 'Compression the browser accepts for an HTTP response body. A 101 response has no body, so it changes nothing here; WebSocket messages are compressed only through Sec-WebSocket-Extensions.',
      vi: 'Các kiểu nén mà trình duyệt chấp nhận cho phần thân (body) của phản hồi HTTP. Phản hồi 101 không có body nên header này không tác dụng gì ở đây; tin nhắn WebSocket chỉ được nén qua Sec-WebSocket-Extensions.',
    },
  }),
  header('Accept-Language', [rfc9110('12.5.4', 'accept-language')], {
    request: {
      role: 'http',
      en: 'The reader’s preferred languages, as on every request. A server could use it to pick the language of its messages.',
      vi: 'Các ngôn ngữ người đọc ưa dùng, giống mọi request khác. Server có thể dựa vào đó để chọn ngôn ngữ cho nội dung trả về.',
    },
  }),
  header('Sec-Fetch-Mode', [fetchMetadata], {
    request: {
      role: 'browser',
      en: '`websocket`, from browsers that send Fetch Metadata headers on handshakes (Chrome did not when this was written). Like Origin, it tells the server what kind of request this is.',
      vi: '`websocket`, từ những trình duyệt có gửi các header Fetch Metadata khi bắt tay (lúc bài này được viết, Chrome thì không). Giống Origin, nó cho server biết đây là loại request gì.',
    },
  }),
  header('Sec-Fetch-Site', [fetchMetadata], {
    request: {
      role: 'browser',
      en: 'Whether the page that opened the socket is on the same origin (`same-origin`), the same site, or another site (`cross-site`): a second signal, besides Origin, for refusing cross-site sockets.',
      vi: 'Trang mở socket có cùng origin (`same-origin`), cùng site, hay thuộc site khác (`cross-site`): một tín hiệu thứ hai, bên cạnh Origin, để từ chối socket mở từ site khác.',
    },
  }),
  header('Sec-Fetch-Dest', [fetchMetadata], {
    request: {
      role: 'browser',
      en: '`empty` for a WebSocket: the response is not loaded into a document, image or script.',
      vi: 'Với WebSocket là `empty`: phản hồi không được nạp thành tài liệu, ảnh hay script nào.',
    },
  }),
  header('Forwarded', [rfc(7239, '4')], {
    request: {
      role: 'proxy',
      en: 'Added by a proxy: the client’s address and the scheme and host it used. The standard form of the X-Forwarded-* headers.',
      vi: 'Do proxy thêm vào: địa chỉ của client, cùng scheme và host mà client đã dùng. Dạng chuẩn hoá của các header X-Forwarded-*.',
    },
  }),
  header('X-Forwarded-For', [rfc(7239, '1')], {
    request: {
      role: 'proxy',
      en: 'Added by a proxy or load balancer: the client’s IP address (a de facto header). Trust it only when your own proxy sets it, since clients can send it too.',
      vi: 'Do proxy hoặc bộ cân bằng tải thêm vào: địa chỉ IP của client (một header thông dụng, không chuẩn hoá). Chỉ tin nó khi chính proxy của bạn đặt, vì client cũng gửi được header này.',
    },
  }),
  header('X-Forwarded-Proto', [rfc(7239, '1')], {
    request: {
      role: 'proxy',
      en: 'Added by a proxy that ended TLS: the scheme the browser used (`https` for a `wss://` URL), while the server itself received plain HTTP.',
      vi: 'Do proxy đã giải mã TLS thêm vào: scheme mà trình duyệt đã dùng (`https` với URL `wss://`), trong khi server thì nhận HTTP thường.',
    },
  }),
  header('X-Forwarded-Host', [rfc(7239, '1')], {
    request: {
      role: 'proxy',
      en: 'Added by a proxy: the Host the browser asked for, when the proxy rewrote Host on its way to the server.',
      vi: 'Do proxy thêm vào: giá trị Host mà trình duyệt đã yêu cầu, khi proxy viết lại Host trên đường tới server.',
    },
  }),
  header('X-Real-IP', [rfc(7239, '1')], {
    request: {
      role: 'proxy',
      en: 'Added by some proxies (nginx setups): the client’s IP address, like X-Forwarded-For with a single value.',
      vi: 'Do một số proxy (thường là cấu hình nginx) thêm vào: địa chỉ IP của client, giống X-Forwarded-For nhưng chỉ một giá trị.',
    },
  }),
  header('Via', [rfc9110('7.6.3', 'via')], {
    request: {
      role: 'proxy',
      en: 'Each proxy the request passed through adds itself here.',
      vi: 'Mỗi proxy mà request đi qua tự ghi tên mình vào đây.',
    },
    response: {
      role: 'proxy',
      en: 'The proxies the response passed through on its way back.',
      vi: 'Các proxy mà phản hồi đi qua trên đường trở về.',
    },
  }),
  header('Date', [rfc9110('6.6.1', 'date')], {
    response: {
      role: 'http',
      en: 'When the server sent the response. Many servers add it to every response, 101 included.',
      vi: 'Thời điểm server gửi phản hồi. Nhiều server thêm nó vào mọi phản hồi, kể cả 101.',
    },
  }),
  header('Server', [rfc9110('10.2.4', 'server')], {
    response: {
      role: 'http',
      en: 'The server software’s name. Optional and purely informative.',
      vi: 'Tên phần mềm server. Không bắt buộc, chỉ để tham khảo.',
    },
  }),
  header('Set-Cookie', [rfc(6265, '4.1')], {
    response: {
      role: 'http',
      en: 'A cookie for the browser to store, as on any response. Browsers do store cookies set by a 101 response.',
      vi: 'Một cookie để trình duyệt lưu, như với mọi phản hồi. Trình duyệt có lưu cookie do phản hồi 101 đặt.',
    },
  }),
  header('Retry-After', [rfc9110('10.2.3', 'retry-after')], {
    response: {
      role: 'refusal',
      en: 'In a refusal such as `429 Too Many Requests` or `503 Service Unavailable`: how many seconds to wait before trying again. The page never sees it; a reconnecting client must back off on its own.',
      vi: 'Trong lời từ chối như `429 Too Many Requests` hay `503 Service Unavailable`: số giây nên chờ trước khi thử lại. Trang không bao giờ thấy nó; client tự kết nối lại phải tự biết giãn thời gian chờ.',
    },
  }),
];

const byName = new Map(HANDSHAKE_HEADERS.map((h) => [h.name.toLowerCase(), h]));

/** The table's entry for a header name (any case), or null when the table does not know it. */
export function findHeader(name: string): HandshakeHeader | null {
  return byName.get(name.trim().toLowerCase()) ?? null;
}

/**
 * What a header means on one side of the handshake; null when it is unknown, or not used on that side.
 * `refused`: the response refuses the handshake, so a header's meaning in a refusal comes first.
 */
export function headerUse(name: string, side: HeaderSide, refused = false): { header: HandshakeHeader; use: HeaderUse } | null {
  const header = findHeader(name);
  const use = refused && side === 'response' ? (header?.refusal ?? header?.response) : header?.[side];
  return header && use ? { header, use } : null;
}

/** The headers RFC 6455 requires in each message, in the order §4.1 and §4.2.2 list them. */
export const REQUIRED_HEADERS: Readonly<Record<HeaderSide, readonly string[]>> = {
  request: ['Host', 'Upgrade', 'Connection', 'Sec-WebSocket-Key', 'Sec-WebSocket-Version'],
  response: ['Upgrade', 'Connection', 'Sec-WebSocket-Accept'],
};

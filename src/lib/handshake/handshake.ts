// Reading one opening handshake the way a browser and a teacher would: each header line with what the table
// says about it (annotate.ts), the values in it (values.ts), and the checks a browser makes on the 101 response
// before it fires `open` (checks.ts). No DOM and no crypto.

export type { AnnotatedHeader } from './annotate.ts';
export { annotateHeaders, missingHeaders } from './annotate.ts';
export type { CheckId, HandshakeCheck } from './checks.ts';
export { checkResponse } from './checks.ts';
export { extensionNames, headerValue, headerValues, keyBytesHex, listItems, requestLine, sessionOf, statusLine } from './values.ts';

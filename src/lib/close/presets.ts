// Reasons the close lab offers with one click. The last two differ by one "!": 88 characters fit in
// 123 bytes, 89 do not — far fewer characters than the limit, because most Vietnamese letters take 2–3 bytes.
export const REASON_PRESETS = [
  { id: 'ascii', text: 'done' },
  { id: 'vi', text: 'Tạm biệt, hẹn gặp lại!' },
  { id: 'max', text: 'Phiên làm việc đã hết hạn vì bạn không hoạt động quá lâu. Hãy đăng nhập lại để tiếp tục!' },
  { id: 'over', text: 'Phiên làm việc đã hết hạn vì bạn không hoạt động quá lâu. Hãy đăng nhập lại để tiếp tục!!' },
] as const;

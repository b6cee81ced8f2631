// GET /healthz: "ok" and the counts an operator (or a test) wants, as plain text, one "name value" a line.
import type { ServerResponse } from 'node:http';
import { sendText } from '../static.ts';

export interface DemoStats {
  /** Open WebSockets. */
  connections: number;
  /** Open WebSockets per endpoint path. */
  endpoints: Record<string, number>;
  /** Open long polls and event streams (/alt/…). */
  streams: number;
  /** Inspector sessions held. */
  sessions: number;
  /** The link to the other instances (REDIS_URL); null when this instance runs alone. */
  bus: 'up' | 'down' | null;
}

export function healthReport(stats: DemoStats): string {
  const lines = ['ok', `connections ${stats.connections}`];
  for (const [path, count] of Object.entries(stats.endpoints).sort()) lines.push(`${path} ${count}`);
  lines.push(`streams ${stats.streams}`, `sessions ${stats.sessions}`);
  if (stats.bus) lines.push(`bus ${stats.bus}`);
  lines.push(`rss ${process.memoryUsage.rss()}`);
  return `${lines.join('\n')}\n`;
}

export function sendHealth(res: ServerResponse, stats: DemoStats): void {
  sendText(res, 200, healthReport(stats), { 'Cache-Control': 'no-store' });
}

import { expect, test, type Locator, type Page } from './fixtures.ts';
import { openLab, watchConsole } from './helpers.ts';
import { CONSTRUCTOR_CASES, type PageKind } from '../src/lib/constructor/cases.ts';

// The constructor lab on /<lang>/creating-a-connection/: what new WebSocket() does with a URL and protocols,
// before any network — and proof that the lab's model says what Chromium's real constructor does.
const l = {
  en: {
    url: /^url —/, protocols: /^protocols —/, page: /The page the code runs on/, presets: 'Try:', throws: 'Throws',
    ok: /No exception/, relative: 'relative /echo', duplicate: 'a name twice', mixed: 'ws: from an https: page', fragment: 'an empty #',
    twice: /"chat" is offered twice/, json: /not a JavaScript string or array/, pageBad: /must be a full http:\/\/ or https:\/\/ URL/,
    resolved: /resolved against the page's address/, mixedWhy: /served over https:/, steps: "The constructor's steps", failedHere: 'threw here',
  },
  vi: {
    url: /^url —/, protocols: /^protocols —/, page: /Trang mà đoạn code chạy trên đó/, presets: 'Thử:', throws: 'Ném ngoại lệ',
    ok: /Không có ngoại lệ/, relative: '/echo tương đối', duplicate: 'một tên hai lần', mixed: 'ws: từ trang https:', fragment: 'một dấu # trống',
    twice: /"chat" được đề xuất hai lần/, json: /không phải một chuỗi hay mảng JavaScript/, pageBad: /phải là một URL http:\/\/ hoặc https:\/\/ đầy đủ/,
    resolved: /phân giải theo địa chỉ của trang/, mixedWhy: /được phục vụ qua https:/, steps: 'Các bước của hàm khởi tạo', failedHere: 'ném ngoại lệ ở đây',
  },
} as const;
type Lang = keyof typeof l;

async function open(page: Page, lang: Lang) {
  await page.goto(`/${lang}/creating-a-connection/`);
  return openLab(page, '#constructor-lab');
}

const result = (lab: Locator) => lab.getByRole('status');
const preset = (lab: Locator, lang: Lang, name: string) =>
  lab.getByRole('group', { name: l[lang].presets }).getByRole('button', { name, exact: true }).click();

for (const lang of ['en', 'vi'] as const) {
  const s = l[lang];

  test(`${lang}: the lab resolves, rewrites and refuses, and says why — bad input gets a visible error`, async ({ page, baseURL }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    const origin = new URL(baseURL!);

    // A relative URL on this (http:) page: resolved against it, http → ws.
    await preset(lab, lang, s.relative);
    await expect(lab.getByRole('textbox', { name: s.url })).toHaveValue('/echo');
    await expect(lab.locator('.ctor-url')).toHaveText(JSON.stringify(`ws://${origin.host}/echo`));
    await expect(result(lab)).toContainText(s.ok);
    await expect(result(lab)).toContainText(s.resolved);

    // A repeated subprotocol: SyntaxError at the protocols step, with the reason and Chromium's message.
    await preset(lab, lang, s.duplicate);
    await expect(lab.locator('.ctor-name')).toHaveText('SyntaxError');
    await expect(result(lab)).toContainText(s.throws);
    await expect(result(lab)).toContainText(s.twice);
    await expect(lab.locator('.ctor-message')).toHaveText("Failed to construct 'WebSocket': The subprotocol 'chat' is duplicated.");
    const steps = lab.getByRole('list', { name: s.steps });
    await expect(steps.locator('li.failed')).toHaveCount(1);
    await expect(steps.locator('li.failed')).toContainText(s.failedHere);

    // An empty fragment fails before the protocols are even looked at.
    await preset(lab, lang, s.fragment);
    await expect(lab.locator('.ctor-name')).toHaveText('SyntaxError');
    await expect(steps.locator('li.notReached')).toHaveCount(2);

    // ws: to a remote host from an https: page: Chromium's SecurityError.
    await preset(lab, lang, s.mixed);
    await expect(lab.getByRole('textbox', { name: s.page })).toHaveValue('https://example.com/app/chat.html');
    await expect(lab.locator('.ctor-name')).toHaveText('SecurityError');
    await expect(result(lab)).toContainText(s.mixedWhy);

    // The reader's own typing mistakes: the protocols field is not JSON, the page address is not a URL.
    const protocols = lab.getByRole('textbox', { name: s.protocols });
    await protocols.fill('chat, v2');
    await expect(lab.getByRole('alert')).toContainText(s.json);
    await expect(protocols).toHaveAttribute('aria-invalid', 'true');
    await protocols.fill('["chat", "v2"]');
    await expect(lab.getByRole('alert')).toHaveCount(0);
    await lab.getByRole('textbox', { name: s.page }).fill('example.com');
    await expect(lab.getByRole('alert')).toContainText(s.pageBad);
    noErrors();
  });
}

// Pages on which the REAL constructor runs, served by the test itself. Their <base href> points relative URLs
// at 127.0.0.1:9, a port on Fetch's bad-port list: any socket a case creates fails before a packet is sent.
const PROBE: Record<PageKind, { page: string; base: string }> = {
  this: { page: 'http://probe.test/app/page.html', base: 'http://127.0.0.1:9/app/page.html' },
  https: { page: 'https://probe.test/app/page.html', base: 'https://127.0.0.1:9/app/page.html' },
};

type Real = { ok: true; url: string } | { ok: false; name: string; message: string };

async function probePage(page: Page, kind: PageKind): Promise<Page> {
  const probe = await page.context().newPage();
  await probe.route(PROBE[kind].page, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><base href="${PROBE[kind].base}"><title>probe</title>` }),
  );
  await probe.goto(PROBE[kind].page);
  return probe;
}

/** Runs each call through the probe page's real constructor, in one round trip. */
function realConstructor(probe: Page, calls: readonly { url: string; protocols: string }[]): Promise<Real[]> {
  return probe.evaluate(
    (calls) =>
      calls.map(({ url, protocols }) => {
        try {
          const socket = protocols === '' ? new WebSocket(url) : new WebSocket(url, JSON.parse(protocols));
          const result = { ok: true as const, url: socket.url };
          socket.close();
          return result;
        } catch (error) {
          return { ok: false as const, name: (error as DOMException).name, message: (error as DOMException).message };
        }
      }),
    calls,
  );
}

// Beyond the presets: corners where the order of checks or the serializer matters.
const EXTRA_CASES: { url: string; protocols: string; page: PageKind }[] = [
  { url: 'wss://127.0.0.1:9/a b?q=é', protocols: '', page: 'this' },
  { url: '', protocols: '', page: 'this' },
  { url: '#x', protocols: '', page: 'this' },
  { url: 'javascript:alert(1)', protocols: '', page: 'this' },
  { url: 'http://[::1', protocols: '', page: 'this' },
  { url: 'ftp://127.0.0.1:9/', protocols: '["a", "a"]', page: 'this' },
  { url: '/echo', protocols: '["a", "a", "b c"]', page: 'this' },
  { url: '/echo', protocols: '["é"]', page: 'this' },
  { url: '/echo', protocols: '[]', page: 'this' },
  { url: 'ws://example.com/live', protocols: '["x", "x"]', page: 'https' },
  { url: 'http://example.com/live', protocols: '', page: 'https' },
  { url: 'ws://localhost:9/', protocols: '', page: 'https' },
  { url: 'ws://[::1]:9/', protocols: '', page: 'https' },
];

test("the lab's model agrees with Chromium's real constructor on every case", async ({ page }) => {
  // Dozens of cases, each typed into the lab: more than the default budget on a busy machine.
  test.setTimeout(90_000);
  const lab = await open(page, 'en');
  const cases = [...CONSTRUCTOR_CASES, ...EXTRA_CASES];
  const real = new Map<PageKind, Real[]>();
  for (const kind of ['this', 'https'] as const) {
    real.set(kind, await realConstructor(await probePage(page, kind), cases.filter((c) => c.page === kind)));
  }
  const fields = {
    url: lab.getByRole('textbox', { name: l.en.url }),
    protocols: lab.getByRole('textbox', { name: l.en.protocols }),
    page: lab.getByRole('textbox', { name: l.en.page }),
  };
  const seen = new Set<string>();
  for (const kind of ['this', 'https'] as const) {
    await fields.page.fill(PROBE[kind].base);
    const answers = real.get(kind)!;
    for (const [i, c] of cases.filter((c) => c.page === kind).entries()) {
      const answer = answers[i]!;
      if (CONSTRUCTOR_CASES.includes(c as (typeof CONSTRUCTOR_CASES)[number])) seen.add(answer.ok ? 'ok' : answer.name);
      await fields.url.fill(c.url);
      await fields.protocols.fill(c.protocols);
      const what = `new WebSocket(${JSON.stringify(c.url)}${c.protocols ? `, ${c.protocols}` : ''}) on ${kind}: Chromium says ${JSON.stringify(answer)}`;
      if (answer.ok) {
        await expect(lab.locator('.ctor-url'), what).toHaveText(JSON.stringify(answer.url));
      } else {
        await expect(lab.locator('.ctor-name'), what).toHaveText(answer.name);
        await expect(lab.locator('.ctor-message'), what).toHaveText(answer.message);
      }
    }
  }
  // The presets cover every way the constructor can answer.
  expect(seen).toEqual(new Set(['ok', 'SyntaxError', 'SecurityError']));
});

// Precompresses every text file of the built site (after Pagefind, so its index is included): name.br
// (Brotli, quality 11) and name.gz (gzip -9) next to each original, which the demo server (sirv) sends to
// clients that accept them. Pagefind's own index files are gzip already and stay as they are.
// Usage: node scripts/compress-site.ts [dist]
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const textFile = /\.(html|js|mjs|css|json|svg|xml|txt|webmanifest)$/;
// Below this a compressed body saves less than the headers that announce it.
const minBytes = 512;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function walk(path: string): string[] {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

async function compress(file: string): Promise<{ raw: number; br: number; gz: number }> {
  const body = readFileSync(file);
  const [br, gzipped] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gz(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  // A variant only where it is smaller: sirv serves whatever variant exists.
  if (br.length < body.length) writeFileSync(`${file}.br`, br);
  if (gzipped.length < body.length) writeFileSync(`${file}.gz`, gzipped);
  return { raw: body.length, br: Math.min(br.length, body.length), gz: Math.min(gzipped.length, body.length) };
}

/** Writes the variants for every text file under dir, replacing those of an earlier run. */
export async function compressSite(dir: string): Promise<{ files: number; raw: number; br: number; gz: number }> {
  const all = walk(dir);
  // A rebuild over an old dist/ must not leave variants of files that no longer exist (or have changed).
  for (const file of all) if (/\.(br|gz)$/.test(file) && textFile.test(file.slice(0, -3))) rmSync(file);
  const files = all.filter((f) => textFile.test(f) && statSync(f).size >= minBytes);
  const totals = { files: files.length, raw: 0, br: 0, gz: 0 };
  // zlib's async calls run on the libuv thread pool, so a handful at a time keeps every core busy.
  const queue = [...files];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const size = await compress(file);
        totals.raw += size.raw;
        totals.br += size.br;
        totals.gz += size.gz;
      }
    }),
  );
  return totals;
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist';
  const totals = await compressSite(dir);
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`compressed ${totals.files} files in ${dir}: ${kib(totals.raw)} → brotli ${kib(totals.br)}, gzip ${kib(totals.gz)}`);
}

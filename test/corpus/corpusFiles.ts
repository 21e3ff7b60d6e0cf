import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** The shared corpora (`../shared/corpus` beside the checkout), read in place and never copied. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export const CORPUS_DIR = process.env.LEAN_DOCKERFILE_CORPUS ?? resolve(PROJECT_ROOT, '..', 'shared', 'corpus');
export const DOCKERHUB = join(CORPUS_DIR, 'dockerhub-2020.jsonl.gz');
export const JESSFRAZ = join(CORPUS_DIR, 'jessfraz');

export interface CorpusFile {
  /** `dockerhub:<letter>/<user>/<repo>/Dockerfile` or `jessfraz:<dir>/Dockerfile`. */
  id: string;
  text: string;
  /** The build context directory (jessfraz), or undefined (dockerhub: an empty context). */
  contextDir?: string;
}

export function corpusAvailable(): { dockerhub: boolean; jessfraz: boolean } {
  return { dockerhub: existsSync(DOCKERHUB), jessfraz: existsSync(JESSFRAZ) };
}

/** Every dockerhub entry, in file order, with its ordinal. `every` keeps entries whose ordinal % every === 0. */
export async function* dockerhubFiles(every = 1, limit = Infinity): AsyncGenerator<CorpusFile & { ordinal: number }> {
  const rl = createInterface({ input: createReadStream(DOCKERHUB).pipe(createGunzip()), crlfDelay: Infinity });
  let ordinal = 0;
  let yielded = 0;
  for await (const line of rl) {
    if (!line) continue;
    const n = ordinal++;
    if (n % every !== 0) continue;
    if (yielded++ >= limit) break;
    const { id, text } = JSON.parse(line) as { id: string; text: string };
    yield { id: 'dockerhub:' + id, text, ordinal: n };
  }
  rl.close();
}

export async function readDockerhub(every = 1, limit = Infinity): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  for await (const f of dockerhubFiles(every, limit)) out.push({ id: f.id, text: f.text });
  return out;
}

/** Every file named Dockerfile (or *.Dockerfile, Dockerfile.*) under jessfraz/, its directory as the context. */
export function jessfrazFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/^(Dockerfile|Containerfile)(\..+)?$|\.Dockerfile$/i.test(e) && st.size < 4 * 1024 * 1024) {
        out.push({ id: 'jessfraz:' + relative(JESSFRAZ, p), text: readFileSync(p, 'utf8'), contextDir: dirname(p) });
      }
    }
  };
  if (existsSync(JESSFRAZ)) walk(JESSFRAZ);
  return out;
}

import type { BuildContext } from './types';

/** An in-memory build context: `{ 'package.json': '…', 'src/main.go': '…' }`. For tests and previews. */
export function memoryContext(files: Record<string, string>): BuildContext {
  const norm = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');
  return {
    exists: (p) => Object.prototype.hasOwnProperty.call(files, norm(p)),
    readFile: (p) => (Object.prototype.hasOwnProperty.call(files, norm(p)) ? files[norm(p)] : undefined),
    listDir: (d) => {
      const dir = norm(d);
      const prefix = dir ? dir + '/' : '';
      const names = new Set<string>();
      for (const p of Object.keys(files)) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
      return names.size || !dir ? [...names] : undefined;
    },
  };
}

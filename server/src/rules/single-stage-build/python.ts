import { isRun } from '../../core/model';
import { installsFromSource, isPythonInstall, unwrapCommand } from './detect';
import { flagValue, type InferInput, type InferResult } from './input';
import { resolvePath, workdirAt } from './paths';

/** Python: the installed packages (site-packages, a virtualenv, or a --target/--prefix dir) and the app directory. */

export function inferPython(input: InferInput): InferResult {
  const app = input.workdir;
  if (app === undefined || app === '/') return { reason: 'the app is not in its own WORKDIR' };
  const dirs: string[] = [];
  let sitePackages = false;
  for (const run of input.chain.flatMap((s) => s.instructions).filter(isRun)) {
    for (const cmd of run.shell.commands) {
      const { name, words } = unwrapCommand(cmd);
      const cwd = workdirAt(input.chain, run) ?? app;
      if ((name === 'venv' || name === 'virtualenv') && words.length) {
        const dir = words.filter((w) => w === undefined || !w.startsWith('-')).pop();
        if (dir === undefined) return { reason: 'the virtualenv path is not static' };
        dirs.push(resolvePath(cwd, dir));
        continue;
      }
      if (name === 'poetry' && words[0] === 'config' && words[1] === 'virtualenvs.create' && words[2] === 'false') sitePackages = true;
      if (!isPythonInstall(cmd) && !(name === 'setup.py' && (words[0] === 'install' || words[0] === 'develop'))) continue;
      const editable = flagValue(words, ['-e', '--editable']);
      if (editable === null) return { reason: 'the editable install path is not static' };
      if (editable !== undefined && !/^(git|hg|svn|bzr)\+/.test(editable)) dirs.push(resolvePath(cwd, editable.replace(/\[.*\]$/, '')));
      if (name === 'setup.py' && words[0] === 'develop') dirs.push(cwd);
      if (words.includes('--user')) return { reason: '`pip install --user` installs into root\'s home' };
      const target = flagValue(words, ['--target', '-t', '--prefix', '--root']);
      if (target === null) return { reason: 'the install target is not static' };
      if (target) dirs.push(resolvePath(cwd, target));
      else if (name === 'pipenv' && !words.includes('--system') && !words.includes('--deploy')) return { reason: 'pipenv installs into its own virtualenv' };
      else if (name === 'poetry' && !sitePackages) return { reason: 'poetry installs into its own virtualenv' };
      else if (name === 'uv' && words[0] === 'sync') dirs.push(resolvePath(cwd, '.venv'));
      else sitePackages = true;
    }
  }
  const version = /^(\d+\.\d+)/.exec(input.chain[0].image?.tag ?? '')?.[1];
  const artifacts: string[] = [];
  // software built with `make install` lands in /usr/local beside the packages: take all of it
  if (sitePackages && version && !installsFromSource(input.chain)) artifacts.push(`/usr/local/lib/python${version}/site-packages`, '/usr/local/bin');
  else if (sitePackages) artifacts.push('/usr/local');
  artifacts.push(...dirs.filter((d) => d !== app && !d.startsWith(app + '/')), app);
  return { artifacts: [...new Set(artifacts)] };
}

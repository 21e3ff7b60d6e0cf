import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready } from '../helpers/setup';
import { buildModel, isRun } from '../../server/src/core';
import { installNeedsSources, recogniseInstall } from '../../server/src/knowledge/packageManagers';

async function installsOf(script: string) {
  await ready;
  const run = buildModel(`FROM x\nRUN ${script}\n`).instructions.find(isRun)!;
  return run.shell.commands.map(recogniseInstall).filter((x) => !!x);
}

test('dependency installs are recognised from parsed commands', async () => {
  const cases: [string, string | undefined][] = [
    ['npm ci', 'npm'], ['npm install --omit=dev', 'npm'], ['npm install -g serve', undefined], ['npm install express', undefined],
    ['yarn', 'yarn'], ['yarn install --frozen-lockfile', 'yarn'], ['yarn add left-pad', undefined], ['yarn build', undefined],
    ['pnpm install --frozen-lockfile', 'pnpm'], ['pnpm fetch', 'pnpm'], ['pip install -r requirements.txt', 'pip'],
    ['pip3 install --no-cache-dir -rreq.txt', 'pip'], ['python -m pip install -r r.txt', 'pip'], ['uv pip install -r r.txt', 'pip'],
    ['pip install flask', undefined], ['pip install .', undefined], ['poetry install --no-root', 'poetry'], ['uv sync --frozen', 'uv'],
    ['pipenv install --deploy', 'pipenv'], ['go mod download', 'go'], ['go build ./...', undefined], ['bundle install', 'bundler'],
    ['composer install --no-dev', 'composer'], ['dotnet restore App.sln', 'dotnet'], ['mvn -B dependency:go-offline', 'maven'],
    ['./gradlew dependencies --no-daemon', 'gradle'], ['cargo fetch', 'cargo'], ['cargo build', undefined],
  ];
  for (const [script, id] of cases) {
    const found = await installsOf(script);
    assert.equal(found[0]?.manager.id, id, script);
  }
  const [pip] = await installsOf('pip install -r a.txt --constraint=c.txt');
  assert.deepEqual(pip!.files, ['a.txt', 'c.txt']);
  const [npm] = await installsOf('npm ci --prefix web');
  assert.equal(npm!.dir, 'web');
});

test('installs that also install the project need its sources unless told not to', async () => {
  assert.ok(installNeedsSources((await installsOf('poetry install'))[0]!));
  assert.ok(!installNeedsSources((await installsOf('poetry install --no-root'))[0]!));
  assert.ok(!installNeedsSources((await installsOf('uv sync --no-install-project'))[0]!));
  assert.ok(installNeedsSources((await installsOf('composer install --no-scripts'))[0]!));
  assert.ok(!installNeedsSources((await installsOf('composer install --no-scripts --no-autoloader'))[0]!));
  assert.ok(!installNeedsSources((await installsOf('npm ci'))[0]!));
});

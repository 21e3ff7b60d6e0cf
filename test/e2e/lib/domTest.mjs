// Style 2: what a user sees. The packaged VSIX installed with `code-server --install-extension`, the examples folder
// opened in the browser, the warning squiggle on the single-stage Go Dockerfile, Ctrl+. and Enter on "Split into build
// and runtime stages" (keyboard: an overlay eats mouse clicks on that menu), the text read back from the editor's DOM,
// Ctrl+S, and the file on disk checked. Screenshots go to out/e2e/ (and docs/img/ with --screenshots).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './apiSuite.mjs';
import { launchChromium } from './browser.mjs';
import { installExtension, startCodeServer } from './codeServer.mjs';

const EXAMPLE = { dir: 'go-api', file: 'go-api/Dockerfile', fix: 'Split into build and runtime stages' };
const shots = join(root, 'out', 'e2e');

/** `npm run package`; returns the VSIX path and prints its size. */
export function packageVsix() {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(root, `${name}-${version}.vsix`);
  rmSync(vsix, { force: true });
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  console.log(`${vsix}: ${(statSync(vsix).size / 1024).toFixed(1)} KiB`);
  return vsix;
}

/** The editor's text as rendered: `.view-line`s in visual order, non-breaking spaces back to spaces. */
function editorText(page) {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
  });
}

/** The number in the status bar's problems item ("Warnings: N"). */
function statusWarnings(page) {
  return page.evaluate(() => {
    const label = document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') ?? '';
    return Number(/Warnings: (\d+)/.exec(label)?.[1] ?? 0);
  });
}

export async function runDomTest(vsix, { screenshotsToDocs = process.argv.includes('--screenshots') } = {}) {
  const t0 = Date.now();
  const checks = [];
  let failedOnce = false;
  let page;
  const check = async (name, fn) => {
    if (failedOnce) {
      checks.push({ name, ok: false, why: 'not reached' });
      return console.log(`  - ${name}: not reached`);
    }
    try {
      await fn();
      checks.push({ name, ok: true });
      console.log(`  ✔ ${name}`);
    } catch (e) {
      failedOnce = true;
      checks.push({ name, ok: false });
      await page?.screenshot({ path: join(shots, 'failure.png') }).catch(() => {});
      console.log(`  ✘ ${name}\n    ${String(e.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
    }
  };

  const extDir = mkdtempSync(join(tmpdir(), 'ld-e2e-dom-ext-'));
  const ws = mkdtempSync(join(tmpdir(), 'ld-e2e-dom-ws-'));
  cpSync(join(root, 'examples'), ws, { recursive: true });
  const target = join(ws, EXAMPLE.file);
  const original = readFileSync(target, 'utf8');
  mkdirSync(shots, { recursive: true });
  let cs;
  let chromium;
  try {
    await check('the VSIX installs with code-server --install-extension', async () => {
      await installExtension(extDir, vsix, join(extDir, '.ud'));
      const installed = readdirSync(extDir).filter((d) => d.startsWith('lean-dockerfile.lean-dockerfile-'));
      if (installed.length !== 1) throw new Error(`expected the extension in ${extDir}, found ${readdirSync(extDir)}`);
    });
    cs = await startCodeServer({ workspace: ws, name: 'dom', extensionsDir: extDir });
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}`);
    const editorLines = page.locator('.editor-group-container.active .monaco-editor .view-lines');

    await check(`${EXAMPLE.file} opens and shows a warning squiggle`, async () => {
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(EXAMPLE.file);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).first().waitFor();
      await page.keyboard.press('Enter');
      await editorLines.filter({ hasText: 'golang' }).waitFor();
      await page.locator('.editor-group-container.active .monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    });
    const warningsBefore = await statusWarnings(page);

    await check(`Ctrl+. on the base image offers "${EXAMPLE.fix}" and Enter applies it`, async () => {
      // The cursor on the image of line 1 (the diagnostic's range), by keyboard: Quick Open left the focus in the
      // editor, and a click could land on a CodeLens.
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
      await page.screenshot({ path: join(shots, 'squiggle.png') });
      await page.keyboard.press('Control+.');
      const rows = page.locator('.action-widget .monaco-list-row');
      await rows.filter({ hasText: EXAMPLE.fix }).first().waitFor();
      const items = await rows.evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', action: e.classList.contains('action') })));
      const actions = items.filter((i) => i.action);
      const at = actions.findIndex((i) => i.text.includes(EXAMPLE.fix));
      if (at < 0) throw new Error(`menu: ${JSON.stringify(items.map((i) => i.text))}`);
      for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
      await page.screenshot({ path: join(shots, 'quick-fix-menu.png') });
      await page.keyboard.press('Enter');
      await editorLines.filter({ hasText: 'COPY --from=' }).waitFor();
    });

    let shown = '';
    await check('the editor shows a build stage and a runtime stage', async () => {
      shown = await editorText(page);
      const froms = shown.split('\n').filter((l) => /^FROM /.test(l));
      if (froms.length !== 2 || !/ AS \w+/i.test(froms[0])) throw new Error(`editor text:\n${shown}`);
      if (!/^COPY --from=\w+ /m.test(shown)) throw new Error(`no COPY --from in:\n${shown}`);
    });

    await check('the single-stage warning is gone from the status bar count', async () => {
      await page.waitForFunction(
        (before) => Number(/Warnings: (\d+)/.exec(document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') ?? '')?.[1] ?? 0) < before,
        warningsBefore,
      );
    });

    await check('Ctrl+S writes exactly the text shown to disk', async () => {
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor();
      const disk = readFileSync(target, 'utf8');
      if (disk === original) throw new Error('the file on disk did not change');
      if (disk !== shown) throw new Error(`disk:\n${disk}\n---\nshown:\n${shown}`);
      await page.screenshot({ path: join(shots, 'quick-fix-after.png') });
    });
    if (screenshotsToDocs && !failedOnce) {
      mkdirSync(join(root, 'docs', 'img'), { recursive: true });
      for (const f of ['squiggle.png', 'quick-fix-menu.png', 'quick-fix-after.png']) copyFileSync(join(shots, f), join(root, 'docs', 'img', f));
    }
  } catch (e) {
    checks.push({ name: 'the DOM test ran to its end', ok: false });
    console.log(`  ✘ ${e.stack ?? e}${cs ? `\ncode-server log:\n${cs.log()}` : ''}`);
  } finally {
    await chromium?.close();
    await cs?.stop();
    rmSync(ws, { recursive: true, force: true });
    rmSync(extDir, { recursive: true, force: true });
  }
  const passed = checks.filter((c) => c.ok).length;
  return { passed, failed: checks.length - passed, ms: Date.now() - t0 };
}

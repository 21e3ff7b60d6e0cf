// Activation on the dockerfile language only, and how long the first diagnostic takes (reported in docs/e2e.md).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, open, timings, waitForDiagnostics, wsUri } from './helpers';

describe('start-up', () => {
  it('is not active before a Dockerfile opens, activates when one does, and publishes diagnostics', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    assert.equal(ext.isActive, false, 'activation is on the dockerfile language only');
    const uri = wsUri('single-stage-build/Dockerfile');
    const t0 = Date.now();
    const first = waitForDiagnostics(uri, (ds) => ds.length > 0, 'the first diagnostics', 60_000);
    await open('single-stage-build/Dockerfile');
    await ext.activate();
    timings.activationMs = Date.now() - t0;
    await first;
    timings.firstDiagnosticMs = Date.now() - t0;
    assert.equal(ext.isActive, true);
  });

  it('publishes diagnostics for the next Dockerfile opened (server already running)', async () => {
    const uri = wsUri('root-user/Dockerfile');
    const t0 = Date.now();
    const first = waitForDiagnostics(uri, (ds) => ds.length > 0, 'diagnostics');
    await open('root-user/Dockerfile');
    await first;
    timings.warmFirstDiagnosticMs = Date.now() - t0;
  });
});

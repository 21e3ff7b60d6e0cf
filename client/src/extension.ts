// The VS Code client: starts the bundled language server over IPC and adds the palette commands. Nothing else:
// analysis, fixes and settings live in the server, so the extension runs nothing from the workspace.
import * as path from 'node:path';
import { commands, Uri, window, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'dockerfile', scheme: 'file' },
      { language: 'dockerfile', scheme: 'untitled' },
      // The project file, so its unknown keys and bad values show where they are.
      { scheme: 'file', pattern: '**/.lean-dockerfile.{yaml,yml}' },
    ],
    // The palette commands below are ours; the server must not register the same ids.
    initializationOptions: { clientCommands: true },
  };
  const lc = new LanguageClient('leanDockerfile', 'Lean Dockerfile', serverOptions, clientOptions);
  client = lc;
  const started = lc.start();

  const onActiveDockerfile = (command: string) => async () => {
    const doc = window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'dockerfile') {
      void window.showInformationMessage('Lean Dockerfile: open a Dockerfile first.');
      return;
    }
    await started;
    await lc.sendRequest(ExecuteCommandRequest.type, { command, arguments: [doc.uri.toString()] });
  };
  context.subscriptions.push(
    lc,
    commands.registerCommand('leanDockerfile.splitStages', onActiveDockerfile('leanDockerfile.splitStages')),
    commands.registerCommand('leanDockerfile.fixAll', onActiveDockerfile('leanDockerfile.applyFixAll')),
    commands.registerCommand('leanDockerfile.showDocumentation', (href: string) =>
      commands.executeCommand('markdown.showPreview', Uri.parse(href)),
    ),
  );
  return started;
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

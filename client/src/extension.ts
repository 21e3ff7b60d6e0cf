// The VS Code client: starts the bundled language server over IPC, adds the palette commands, and tells the server
// whether a Docker extension already provides the Dockerfile editor features. Nothing else: analysis, fixes and
// settings live in the server, so the extension runs nothing from the workspace.
import * as path from 'node:path';
import { commands, extensions, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Extensions that bring Dockerfile completion, hover, formatting and syntax diagnostics of their own. */
export const DOCKER_EXTENSIONS = ['docker.docker', 'ms-azuretools.vscode-docker', 'ms-azuretools.vscode-containers'];
const EDITOR_FEATURES_NOTIFICATION = 'leanDockerfile/editorFeatures';

/** Palette command → the server command it runs on the active Dockerfile (or on the uri it is given). */
const PALETTE: Record<string, string> = {
  'leanDockerfile.fixAll': 'leanDockerfile.applyFixAll',
  'leanDockerfile.makeProductionReady': 'leanDockerfile.makeProductionReady',
  'leanDockerfile.splitStages': 'leanDockerfile.splitStages',
  'leanDockerfile.addCacheMounts': 'leanDockerfile.addCacheMounts',
  'leanDockerfile.moveSecretsToMounts': 'leanDockerfile.moveSecretsToMounts',
  'leanDockerfile.runAsNonRoot': 'leanDockerfile.runAsNonRoot',
};

let client: LanguageClient | undefined;

/** What the server needs to decide who provides the editor features. */
function editorFeatures(): { editorFeatures: string; dockerExtensions: string[] } {
  return {
    editorFeatures: workspace.getConfiguration('leanDockerfile').get<string>('editorFeatures', 'auto'),
    dockerExtensions: DOCKER_EXTENSIONS.filter((id) => !!extensions.getExtension(id)),
  };
}

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
    initializationOptions: { clientCommands: true, ...editorFeatures() },
  };
  const lc = new LanguageClient('leanDockerfile', 'Lean Dockerfile', serverOptions, clientOptions);
  client = lc;
  const started = lc.start();

  let sent = JSON.stringify(editorFeatures());
  const featuresChanged = () => {
    const now = editorFeatures();
    if (JSON.stringify(now) === sent) return;
    sent = JSON.stringify(now);
    void started.then(() => lc.sendNotification(EDITOR_FEATURES_NOTIFICATION, now));
  };

  const run = (serverCommand: string) => async (target?: unknown) => {
    const uri = target instanceof Uri ? target.toString() : typeof target === 'string' ? target : undefined;
    const doc = window.activeTextEditor?.document;
    if (!uri && (!doc || doc.languageId !== 'dockerfile')) {
      void window.showInformationMessage('Lean Dockerfile: open a Dockerfile first.');
      return;
    }
    await started;
    await lc.sendRequest(ExecuteCommandRequest.type, { command: serverCommand, arguments: [uri ?? doc!.uri.toString()] });
  };
  context.subscriptions.push(
    lc,
    ...Object.entries(PALETTE).map(([id, serverCommand]) => commands.registerCommand(id, run(serverCommand))),
    commands.registerCommand('leanDockerfile.showDocumentation', (href: string) =>
      commands.executeCommand('markdown.showPreview', Uri.parse(href)),
    ),
    extensions.onDidChange(featuresChanged),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('leanDockerfile.editorFeatures')) featuresChanged();
    }),
  );
  return started;
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

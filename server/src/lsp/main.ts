// The language server: `node dist/server.js --stdio` or `--node-ipc` (vscode-languageserver reads the flag).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { rules } from '../rules/index';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, rules, version);
connection.listen();

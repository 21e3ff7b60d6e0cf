// The language server: `node dist/server.js --stdio` or `--node-ipc` (vscode-languageserver reads the flag).
// Over stdio our guarded reader replaces the library's: malformed input gets JSON-RPC errors, not a stuck stream.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { rules } from '../rules/index';
import { startServer } from './server';
import { routeConsole, stdioTransport } from './transport';

const stdio = process.argv.includes('--stdio');
const connection = stdio ? createConnection(ProposedFeatures.all, ...stdioTransport()) : createConnection(ProposedFeatures.all);
if (stdio) routeConsole(connection.console);
startServer(connection, rules, version);
connection.listen();

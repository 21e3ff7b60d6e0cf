import { loadShellParser } from '../../server/src/node/shellWasm';

/** Every test file awaits this before analysing (the shell parser is WebAssembly). */
export const ready: Promise<void> = loadShellParser();

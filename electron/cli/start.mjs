#!/usr/bin/env node
// Entry of `npm start`: the desktop app where Electron can run, else the web dashboard (see start.ts).
// tsx runs the TypeScript sources directly, as for the `sentinel` command.
import { register } from 'tsx/esm/api';

register();
const { start } = await import('./start.ts');
process.exitCode = await start(process.argv.slice(2));

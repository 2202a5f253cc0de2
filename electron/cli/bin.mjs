#!/usr/bin/env node
// Entry of the `sentinel` command. tsx runs the TypeScript sources directly, so
// `npx sentinel` works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));

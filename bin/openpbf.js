#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so a clone works without a build step.
import { register } from 'tsx/esm/api';

// A reader that has seen enough (`openpbf compute … | head`) closes the pipe: stop quietly.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);

#!/usr/bin/env node
// Vigil's executable: registers the TypeScript loader (specs are TypeScript, and so is Vigil),
// then hands over to the CLI. Kept in plain JS so it runs before any loader exists.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

import { runCommand, type RunOptions } from './runCommand.js';

/** `vigil run`: fuzz specs, print the forge-shaped trace, write the reports (default JSON and Markdown). */
export default async function run(paths: string[], options: RunOptions): Promise<number> {
  const { exitCode } = await runCommand(paths, options, {
    command: 'run',
    defaultReporters: ['console', 'json', 'markdown'],
    summary: false,
  });
  return exitCode;
}

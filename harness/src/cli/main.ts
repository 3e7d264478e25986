import { cac } from 'cac';
import { VigilError } from '../errors/VigilError.js';
import { handleError } from './handleError.js';

import { vigilVersion as version } from '../version.js';

/**
 * Parses the command line and runs one command. Each command is imported only when
 * used, so `vigil --help` does not load solc or the EVM. Returns the exit code.
 */
/**
 * `--runs -5` would reach the parser as an unknown option `-5`; joined as `--runs=-5`
 * it reaches validation, which names the flag and lists every bad value at once.
 */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (/^--[a-z-]+$/.test(argv[i]!) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]!);
  }
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const cli = cac('vigil');
  let pending: Promise<number> | undefined;
  const lazy = (load: () => Promise<{ default: (...a: never[]) => Promise<number> }>) =>
    (...args: unknown[]) => {
      pending = load().then((m) => (m.default as (...a: unknown[]) => Promise<number>)(...args));
    };

  const run = cli
    .command('run [...specs]', 'Fuzz specs (default: specs/), .sol suites or Foundry projects, and write reports')
    .option('--contract <name>', 'Only this contract of the .sol files / Foundry projects given (assertion mode if it has no properties)')
    .option('--runs <n>', 'Sequences per spec (default 100)')
    .option('--depth <n>', 'Calls per sequence (default 100)')
    .option('--time <seconds>', 'Time budget per spec, shrinking included')
    .option('--seed <n>', 'Seed of the random stream (default 1)')
    .option('--shrink-limit <n>', 'Replays allowed to shrink one finding (default 5000)')
    .option('--out <dir>', 'Report folder (default reports/)')
    .option('--config <file>', 'Config file (default vigil.config.json if present)')
    .option('--no-assertions', 'Do not treat Panic(0x01) / AssertionFailed as findings')
    .option('--no-corpus', 'Do not replay counterexamples saved by earlier runs')
    .option('--workers <n>', 'Worker threads per campaign, each with its own seed and share of the runs (default 1)')
    .option('--check-timeout <seconds>', 'Time one evaluation of a check may take before it is stopped (default 10)')
    .option('--hybrid <mode>', 'Hand branches the fuzzer keeps missing to Z3: auto (when the search stalls, within a budget), on, off (default auto)')
    .option('--shard <i/n>', 'Run only shard i of n of every campaign (one machine of a CI matrix); `vigil merge` joins the shard reports')
    .option('--quiet', 'Print only the summary')
    .option('--reporter <names>', 'Outputs, comma-separated: console, json, markdown, junit, sarif, html (default console,json,markdown; json is always written)')
    .action(lazy(() => import('./commands/run.js')));
  // ci takes every flag of run (so new run flags reach it), with --time meaning the whole run.
  const ci = cli.command('ci [...specs]', 'Run specs with CI defaults: a total time budget, every report (JSON, Markdown, JUnit, SARIF, HTML), a short summary');
  for (const o of run.options) if (o.name !== 'time' && o.name !== 'reporter') ci.option(o.rawName, o.description, o.config);
  ci
    .option('--time <seconds>', 'Time budget of the whole run, split evenly across the specs (default 300)')
    .option('--reporter <names>', 'Outputs, comma-separated (default all: console,json,markdown,junit,sarif,html)')
    .action(lazy(() => import('./commands/ci.js')));
  cli
    .command('report <report>', 'Render a saved report (vigil-report.json) again, in any format')
    .option('--reporter <names>', 'Outputs, comma-separated: console, json, markdown, junit, sarif, html (default console)')
    .option('--out <dir>', 'Folder for report files (default: the report\'s folder)')
    .option('--quiet', 'Console: print only spec errors and the summary line')
    .action(lazy(() => import('./commands/report.js')));
  cli
    .command('merge [...reports]', 'Join the reports of `vigil run --shard i/n` (i = 1..n) into the report of the whole run')
    .option('--out <dir>', 'Report folder (default reports/)')
    .option('--corpus <dir>', 'Each shard\'s corpus folder, in the order of the reports (repeat the flag); joined into --corpus-out')
    .option('--corpus-out <dir>', 'Where the joined corpus goes (default .vigil/corpus/)')
    .option('--reporter <names>', 'Outputs, comma-separated: console, json, markdown, junit, sarif, html (default console,json,markdown)')
    .option('--quiet', 'Print only the summary')
    .action(lazy(() => import('./commands/merge.js')));
  cli
    .command('list [...specs]', 'List each spec\'s invariants and properties and whether each is in the provable subset')
    .action(lazy(() => import('./commands/list.js')));
  cli
    .command('prove [...specs]', 'Prove each invariant: bounded from the set-up state (--depth k), inductive where it is; counterexamples replayed into the report')
    .option('--depth <k>', 'Calls per sequence from the set-up state (default 2)')
    .option('--loop-bound <n>', 'Symbolic loop iterations per path (default 3)')
    .option('--timeout <seconds>', 'Wall-clock limit of one proof obligation (a check\'s bounded search or inductive step) and of each solver query (default 30)')
    .option('--workers <n>', 'Obligations solved in parallel, each in a worker thread with its own Z3 (default 1)')
    .option('--fuzz-runs <n>', 'Concrete search first: fuzzing runs (seeded, 50 calls each) whose replayed counterexamples settle a check before the solver is asked (default 100; 0: solver only)')
    .option('--contract <name>', 'Only this contract of the .sol files / Foundry projects given')
    .option('--out <dir>', 'Report folder (default reports/)')
    .option('--reporter <names>', 'Outputs, comma-separated (default console,json; json is always written)')
    .action(lazy(() => import('./commands/prove.js')));
  cli
    .command('replay <report>', 'Re-run counterexamples of a report and print a decoded trace')
    .option('--finding <id>', 'Only this finding (default: all)')
    .action(lazy(() => import('./commands/replay.js')));
  cli
    .command('export [...args]', 'Write a Foundry test (.t.sol) that reproduces a finding, or a bug-bounty write-up of it')
    .option('--foundry <report>', 'Report to export from (reports/vigil-report.json)')
    .option('--bounty <report>', 'Write a bug-bounty report (Markdown, with the Foundry test as proof of concept) of --finding ID')
    .option('--recommendation <file>', 'With --bounty: the finding\'s `vigil recommend` output for the pause-lever section (default reports/recommendations/<id>.recommendation.json)')
    .option('--finding <id>', 'Only this finding (default: all)')
    .option('--out <path>', 'File or folder (default reports/foundry/, or beside a Solidity suite)')
    .option('--no-verify', 'Do not run the exported tests in Vigil\'s EVM to check them')
    .action(lazy(() => import('./commands/export.js')));
  cli
    .command('recommend <report>', 'Say which pause levers stop a finding\'s attack (replay-validated, re-fuzzed), what they cost, and write Safe batch files')
    .option('--finding <id>', 'Only this finding (default: all)')
    .option('--out <dir>', 'Folder for the recommendation, Safe batch and Forta files (default reports/recommendations/)')
    .option('--chain-id <n>', 'Chain id written in the Safe batch files (default 1)')
    .option('--safe <address>', 'The Safe that will sign (written in the batch files)')
    .option('--refuzz-runs <n>', 'Runs of each re-fuzzing round with the levers pulled (default 50)')
    .option('--no-update-report', 'Leave the report as it is (by default each finding gets its recommendation, and the Markdown / HTML / SARIF / JUnit beside it are rendered again)')
    .action(lazy(() => import('./commands/recommend.js')));
  cli
    .command('typegen [...specs]', 'Compile the specs\' sources and write specs/vigil-artifacts.d.ts (typed contract handles)')
    .action(lazy(() => import('./commands/typegen.js')));
  cli
    .command('monitor', 'Watch a live chain over JSON-RPC and check the spec\'s invariants every block; alert, recommend, and pause with --auto-pause')
    .option('--rpc <url>', 'JSON-RPC URL of the node (all traffic goes there only)')
    .option('--spec <file>', 'The spec whose invariants to check')
    .option('--address <name=0x…>', 'Address of each contract of the spec (repeat)', { type: [String] })
    .option('--holder <0x…>', 'An address to include in holders/actors (repeat)', { type: [String] })
    .option('--from-block <n>', 'First block to process on a fresh start (default: the head)')
    .option('--until-block <n>', 'Stop after this block (default: run until Ctrl-C)')
    .option('--auto-pause', 'Send the lever when an invariant breaks, signed with the guardian key')
    .option('--guardian-key-env <VAR>', 'Environment variable holding the guardian key (default VIGIL_GUARDIAN_KEY)')
    .option('--lever <contract.fn(args)>', 'A lever authorised in advance, pulled at once (default: the recommendation\'s)')
    .option('--state <file>', 'State file to resume from (default <out>/monitor-state.json)')
    .option('--out <dir>', 'Alerts and block log folder (default reports/monitor/)')
    .option('--poll <ms>', 'Polling interval in milliseconds (default 1000)')
    .action(lazy(() => import('./commands/monitor.js')));
  cli
    .command('bench', 'Measure calls/s on the handler benchmark and bugs found on generated mazes, beside forge')
    .option('--runs <n>', 'Sequences (default 128)')
    .option('--depth <n>', 'Calls per sequence (default 200)')
    .option('--no-forge', 'Skip the forge side')
    .option('--no-token', 'Skip the handler (BenchToken) benchmark')
    .option('--no-maze', 'Skip the maze benchmark')
    .option('--maze-seeds <list>', 'Maze seeds, comma-separated (default 1,2,3)')
    .option('--maze-budget <seconds>', 'Time per tool per maze (default 30)')
    .option('--maze-depth <n>', 'Calls per sequence on mazes, both tools (default 100)')
    .option('--maze-size <WxH>', 'Maze size (default 8x8, at most 256 cells)')
    .option('--maze-bugs <n>', 'Bug cells per maze (default 10)')
    .option('--no-prove', 'Skip the prove benchmark (time to verdict per check)')
    .option('--prove-timeout <seconds>', 'Wall-clock limit per proof obligation in the prove benchmark (default 20)')
    .action(lazy(() => import('./commands/bench.js')));
  cli.help();
  cli.version(version);

  try {
    cli.parse(['node', 'vigil', ...joinNegativeValues(argv)], { run: false });
    if (cli.options.help || cli.options.version) {
      cli.runMatchedCommand();
      return 0;
    }
    if (cli.matchedCommand === undefined) {
      if (cli.args.length > 0) throw new VigilError('USAGE', `unknown command: ${cli.args[0]}`);
      cli.outputHelp();
      return 2;
    }
    await cli.runMatchedCommand();
    return await (pending ?? Promise.resolve(0));
  } catch (e) {
    if (e instanceof Error && e.name === 'CACError') return handleError(new VigilError('USAGE', e.message));
    return handleError(e);
  }
}

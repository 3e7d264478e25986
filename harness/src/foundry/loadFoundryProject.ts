import { readFile } from 'node:fs/promises';
import { parse, TomlError, type TomlTable } from 'smol-toml';
import { definedOnly } from '../config/definedOnly.js';
import { VigilError } from '../errors/VigilError.js';
import { findFoundryRoot } from './findFoundryRoot.js';
import type { FoundryProject } from './FoundryProject.js';
import { bool, FoundryConfigReader, remappingList, seed, string, strings, uint } from './readFoundryConfig.js';
import { readFoundryEnv } from './readFoundryEnv.js';
import { readRemappingsTxt, resolveRemappings } from './resolveRemappings.js';

export interface LoadFoundryOptions {
  /** Default: `FOUNDRY_PROFILE`, else `default`. */
  profile?: string;
  /** Where `FOUNDRY_*` variables are read. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Loads the Foundry project that `start` (a folder or a .sol file) belongs to: the nearest
 * foundry.toml at or above it, its selected profile merged over `[profile.default]`, forge's
 * environment overrides, and the remappings forge would use. Without a foundry.toml, the folder
 * of `start` is a project with forge's defaults. Every wrongly typed key is listed at once in a
 * CONFIG_INVALID error with its dotted path.
 */
export async function loadFoundryProject(start: string, options: LoadFoundryOptions = {}): Promise<FoundryProject> {
  const env = options.env ?? process.env;
  const profile = options.profile ?? (env.FOUNDRY_PROFILE || 'default');
  const { root, configFile } = findFoundryRoot(start);
  const toml = configFile ? await readToml(configFile) : {};
  const config = new FoundryConfigReader(toml, profile);
  if (configFile && profile !== 'default' && !config.profiles().includes(profile)) {
    throw new VigilError('CONFIG_INVALID', `profile "${profile}" is not defined in ${configFile}`, {
      meta: [`profiles: ${config.profiles().join(', ') || '(none)'}`],
      hint: `Add [profile.${profile}] to foundry.toml, or select a defined profile with FOUNDRY_PROFILE.`,
    });
  }

  const overrides = readFoundryEnv(env);
  const libs = config.key('libs', strings) ?? ['lib'];
  const fromTxt = readRemappingsTxt(root);
  const project: FoundryProject = {
    root,
    ...(configFile ? { configFile } : {}),
    profile,
    src: config.key('src', string) ?? 'src',
    test: config.key('test', string) ?? 'test',
    script: config.key('script', string) ?? 'script',
    libs,
    remappings: resolveRemappings(root, libs, [...(config.key('remappings', remappingList) ?? []), ...fromTxt.map((r) => r.text)]),
    solcVersion: config.key('solc_version', string) ?? config.key('solc', string),
    evmVersion: config.key('evm_version', string),
    // forge 1.x compiles without the optimizer unless asked.
    optimizer: { enabled: config.key('optimizer', bool) ?? false, runs: config.key('optimizer_runs', uint) ?? 200 },
    viaIR: config.key('via_ir', bool) ?? false,
    invariant: definedOnly({
      runs: config.sectionKey('invariant', 'runs', uint),
      depth: config.sectionKey('invariant', 'depth', uint),
      failOnRevert: config.sectionKey('invariant', 'fail_on_revert', bool),
      callOverride: config.sectionKey('invariant', 'call_override', bool),
      shrinkRunLimit: config.sectionKey('invariant', 'shrink_run_limit', uint),
      timeoutSeconds: config.sectionKey('invariant', 'timeout', uint),
      ...overrides.invariant,
    }),
    fuzz: definedOnly({
      seed: config.sectionKey('fuzz', 'seed', seed),
      runs: config.sectionKey('fuzz', 'runs', uint),
      ...overrides.fuzz,
    }),
  };
  if (project.solcVersion === undefined) delete project.solcVersion;
  if (project.evmVersion === undefined) delete project.evmVersion;

  const badLines = fromTxt.filter((r) => !/^[^=]+=/.test(r.text)).map((r) => `remappings.txt:${r.line}: must be prefix=target, got ${JSON.stringify(r.text)}`);
  const problems = [...config.problems, ...badLines, ...overrides.problems];
  if (problems.length > 0) {
    throw new VigilError('CONFIG_INVALID', problems.length === 1 ? problems[0]! : `${problems[0]} (and ${problems.length - 1} more)`, {
      meta: problems.length === 1 ? [] : problems,
      hint: `Fix the listed keys of ${configFile ?? 'foundry.toml'} or environment variables; other keys are ignored.`,
    });
  }
  return project;
}

async function readToml(file: string): Promise<TomlTable> {
  const text = await readFile(file, 'utf8');
  try {
    return parse(text);
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    throw new VigilError('CONFIG_INVALID', `${file}:${e.line}:${e.column}: ${e.message.split('\n')[0]}`, {
      meta: e.codeblock ? e.codeblock.split('\n') : [],
      hint: 'Fix the TOML syntax at the line shown (strings in quotes, arrays in [ ], one key per line).',
      cause: e,
    });
  }
}

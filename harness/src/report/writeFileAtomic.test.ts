import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VigilError } from '../errors/VigilError.js';
import { writeFileAtomic } from './writeFileAtomic.js';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates parent folders, replaces the file and leaves no temporary file', async () => {
    const path = join(dir, 'a', 'b', 'out.txt');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, 'two');
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['out.txt']);
  });

  it('survives concurrent writers of the same path', async () => {
    const path = join(dir, 'out.txt');
    await Promise.all(['x', 'y', 'z'].map((c) => writeFileAtomic(path, c.repeat(10_000))));
    expect(await readFile(path, 'utf8')).toMatch(/^(x{10000}|y{10000}|z{10000})$/);
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('throws an IO VigilError and cleans up when the target cannot be written', async () => {
    const blocked = join(dir, 'blocked');
    await writeFileAtomic(blocked, 'a file where a folder is expected');
    const err = await writeFileAtomic(join(blocked, 'out.txt'), 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VigilError);
    expect((err as VigilError).code).toBe('IO');
    expect(await readdir(dir)).toEqual(['blocked']);
  });
});

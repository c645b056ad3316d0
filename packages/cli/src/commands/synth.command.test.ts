import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../cli-error.ts';
import { run } from './synth.command.ts';

const dir = mkdtempSync(join(tmpdir(), 'synth-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nonrecours synth', () => {
  it('refuses bad options as usage errors', async () => {
    const base = ['--seed', '1', '--out', dir];
    await expect(run(['--persons', '0', ...base])).rejects.toThrow(UsageError);
    await expect(run(['--persons', '1e3', ...base])).rejects.toThrow(UsageError);
    await expect(run(['--persons', '10', '--out', dir])).rejects.toThrow(/--seed/);
    await expect(run(['--persons', '10', ...base, '--month', '2023-07'])).rejects.toThrow(/2023-08/);
    await expect(run(['--persons', '10', ...base, '--month', '2026-13'])).rejects.toThrow(/YYYY-MM/);
    await expect(run(['--persons', '10', ...base, '--noise-rate', '2'])).rejects.toThrow(UsageError);
    await expect(run(['--persons', '10', ...base, '--colour'])).rejects.toThrow(UsageError);
  });

  it('writes a territory and says so', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await run(['--persons', '50', '--seed', '1', '--out', dir, '--month', '2024-09'])).toBe(0);
    expect(log.mock.calls.flat().join('\n')).toMatch(/^50 persons in \d+ households/);
    log.mockRestore();
    expect(readdirSync(dir)).toContain('ground-truth.csv');
  });
});

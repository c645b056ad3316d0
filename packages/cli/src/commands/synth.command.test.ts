import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
    await expect(run(['--persons', '10', ...base, '--months', '0'])).rejects.toThrow(/--months/);
    await expect(run(['--persons', '10', ...base, '--months', '37'])).rejects.toThrow(/--months/);
    await expect(run(['--persons', '10', ...base, '--months', '2.5'])).rejects.toThrow(/--months/);
    await expect(run(['--persons', '10', ...base, '--take-up', '0.1'])).rejects.toThrow(/--months 2/);
    await expect(run(['--persons', '10', ...base, '--landlord-v2', '--month', '2024-09'])).rejects.toThrow(
      /--landlord-v2 needs --month 2024-10/,
    );
    await expect(run(['--persons', '10', ...base, '--landlord-v2', '--months', '2'])).rejects.toThrow(
      UsageError,
    );
    await expect(run(['--persons', '10', ...base, '--months', '2', '--birth', '1.5'])).rejects.toThrow(
      /--birth must be between 0 and 1/,
    );
    await expect(run(['--persons', '10', ...base, '--months', '2', '--move-out', ''])).rejects.toThrow(
      UsageError,
    );
  });

  it('writes a folder per month with --months, and the rates it was given in the manifest', async () => {
    const out = join(dir, 'months');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const argv = ['--persons', '300', '--seed', '1', '--out', out, '--month', '2025-12', '--months', '3'];
    expect(await run([...argv, '--take-up', '0.5', '--contact-share', '1'])).toBe(0);
    const said = log.mock.calls.flat().join('\n');
    log.mockRestore();
    expect(said).toMatch(/^3 months of 300 persons/);
    expect(said).toMatch(
      /2026-02: \d+ persons in \d+ households; ground truth \d+ rows; cases open \d+, taken_up \d+/,
    );
    expect(readdirSync(out).sort()).toEqual(['2025-12', '2026-01', '2026-02', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.rates).toMatchObject({ takeUp: 0.5, contactShare: 1, moveOut: 0.01 });
    expect(readdirSync(join(out, '2026-01'))).toEqual(
      expect.arrayContaining(['case-states.csv', 'contacts.csv']),
    );
  });

  it('writes a territory and says so', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await run(['--persons', '50', '--seed', '1', '--out', dir, '--month', '2024-09'])).toBe(0);
    expect(log.mock.calls.flat().join('\n')).toMatch(/^50 persons in \d+ households/);
    log.mockRestore();
    expect(readdirSync(dir)).toContain('ground-truth.csv');
  });
});

// The French vocabulary has a word for every code a person can meet: a benefit, rule, status, role,
// kind or column added without its label is caught here, before a page shows the bare code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractStatuses, memberRoles, partnerKinds, runStatuses } from '@nonrecours/db';
import {
  auditActionLabels,
  benefitLabels,
  columnLabel,
  confidenceLabels,
  extractStatusLabels,
  kindLabels,
  outcomeLabels,
  partnerKindLabels,
  roleLabels,
  ruleLabels,
  runStatusLabels,
  subjectKindLabels,
  toBenefit,
} from '@nonrecours/french';
import { extractColumns, extractKinds } from '@nonrecours/pseudo';
import { benefits, confidences, frV1 } from '@nonrecours/rules';
import { describe, expect, it } from 'vitest';
import { caseStatuses } from './cases/case-status.ts';

const missing = (codes: readonly string[], labels: Record<string, string>) => codes.filter((c) => !labels[c]);

/** The audit actions written in the sources (`action: 'case.update'`). */
function auditActions(): string[] {
  const roots = [new URL('.', import.meta.url), new URL('../../../services/api/src/', import.meta.url)];
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g))
          found.add(m[1]!);
    }
  };
  for (const root of roots) walk(root.pathname);
  return [...found].sort();
}

describe('the French vocabulary', () => {
  it('names every benefit, rule, outcome, confidence, role, kind and status', () => {
    expect(missing(benefits, benefitLabels)).toEqual([]);
    expect(missing(benefits, toBenefit)).toEqual([]);
    expect(
      missing(
        frV1.rules.map((r) => r.id),
        ruleLabels,
      ),
    ).toEqual([]);
    expect(missing(caseStatuses, outcomeLabels)).toEqual([]);
    expect(missing(confidences, confidenceLabels)).toEqual([]);
    expect(missing(memberRoles, roleLabels)).toEqual([]);
    expect(missing(extractKinds, kindLabels)).toEqual([]);
    expect(missing(partnerKinds, partnerKindLabels)).toEqual([]);
    expect(missing(['person', 'household', 'tenancy'], subjectKindLabels)).toEqual([]);
    expect(missing(extractStatuses, extractStatusLabels)).toEqual([]);
    expect(missing(runStatuses, runStatusLabels)).toEqual([]);
  });

  it('names every column of every extract kind', () => {
    const columns = extractKinds.flatMap((kind) => extractColumns[kind].map((c) => c.name));
    expect(columns.filter((c) => columnLabel(c) === 'autre donnée de l’extrait')).toEqual([]);
  });

  it('names every audit action the service records', () => {
    const actions = auditActions();
    expect(actions.length).toBeGreaterThan(20);
    expect(missing(actions, auditActionLabels)).toEqual([]);
  });
});

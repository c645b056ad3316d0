// A case's evidence is stored without what the parameter registry already holds for every parameter
// (label, unit, legal reference): most of its size. Reading a case puts those back.
import { type Evidence, type ParameterName, type ParameterUse, parameterAt } from '@nonrecours/rules';

type StoredParameter = Pick<ParameterUse, 'name' | 'value' | 'effective_from' | 'month'>;
type WithParameters<P> = { evidence: Omit<Evidence, 'parameters'> & { parameters: P[] } };

const compactParameter = ({ name, value, effective_from, month }: ParameterUse): StoredParameter => ({
  name,
  value,
  effective_from,
  month,
});

function expandParameter(p: StoredParameter): ParameterUse {
  const { label, unit, reference } = parameterAt(p.name as ParameterName, p.month);
  return { ...p, label, unit, reference };
}

export function compactEvidence(
  evidence: Evidence,
): Omit<Evidence, 'parameters'> & { parameters: StoredParameter[] } {
  return { ...evidence, parameters: evidence.parameters.map(compactParameter) };
}

export function expandEvidence(
  evidence: Omit<Evidence, 'parameters'> & { parameters: StoredParameter[] },
): Evidence {
  return { ...evidence, parameters: evidence.parameters.map(expandParameter) };
}

/** The stored form of a case's evidence, its supporting results included. */
export function storedEvidence<S extends WithParameters<ParameterUse>>(
  evidence: Evidence,
  confidence: string,
  supporting: readonly S[],
) {
  return {
    ...compactEvidence(evidence),
    confidence,
    supporting: supporting.map((s) => ({ ...s, evidence: compactEvidence(s.evidence) })),
  };
}

/** The evidence of a case as the API shows it. */
export function presentedEvidence(stored: unknown): unknown {
  const e = stored as Omit<Evidence, 'parameters'> & {
    parameters: StoredParameter[];
    supporting?: WithParameters<StoredParameter>[];
  };
  return {
    ...expandEvidence(e),
    // Results merged within a partition carry their evidence; those merged across partitions (by the
    // finaliser) are bare evidence objects.
    supporting: (e.supporting ?? []).map((s) =>
      'evidence' in s ? { ...s, evidence: expandEvidence(s.evidence) } : expandEvidence(s as never),
    ),
  };
}

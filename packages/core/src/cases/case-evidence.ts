// A case's evidence as the API shows it, to whom. The stored evidence is compact (parameters without
// their labels and legal references) and its supporting results come in two shapes: a rule's own
// supporting result ({ rule, variant, confidence, amount, evidence }) or, when the run merged results
// of several profiles, another result's bare evidence. Both are put in one shape here.
//
// A partner sees only the inputs its own extracts gave. Everything computed from the others' (the
// computation steps, the explanation, which quotes their values) is withheld, except the explanation's
// closing sentences — the presumption warning and the rule's known limits — which are fixed wording.
import type {
  ComputationStep,
  Confidence,
  Evidence,
  InputUse,
  ParameterUse,
  RuleRef,
} from '@nonrecours/rules';
import { presumption } from '@nonrecours/rules/rules/wording.ts';
import { expandEvidence } from '../runs/stored-evidence.ts';
import type { CaseViewer } from './case-viewer.ts';

export interface EvidenceView {
  rule: RuleRef;
  as_of: string;
  parameters: ParameterUse[];
  inputs: InputUse[];
  /** Null when withheld: some of the values it was computed from are not the viewer's. */
  computation: ComputationStep[] | null;
  explanation: string | null;
  /** The presumption warning and the known limits of the rule, as the explanation ends. */
  limits: string | null;
  /** Inputs from other partners' extracts were used and are not shown. */
  inputs_withheld: boolean;
}

export interface SupportingView {
  rule: RuleRef;
  confidence: Confidence | null;
  /** Null when the rule gives no amount, or when the run did not keep it. */
  amount: number | null;
  variant: string | null;
  evidence: EvidenceView;
}

export interface CaseEvidenceView extends EvidenceView {
  supporting: SupportingView[];
}

type StoredEvidence = Parameters<typeof expandEvidence>[0] & { confidence?: Confidence };
type StoredSupporting =
  | StoredEvidence
  | {
      rule: RuleRef;
      variant: string | null;
      confidence: Confidence;
      amount: number | null;
      evidence: StoredEvidence;
    };

function limitsOf(explanation: string): string | null {
  const at = explanation.indexOf(presumption);
  return at < 0 ? null : explanation.slice(at);
}

function evidenceView(evidence: Evidence, viewer: CaseViewer): EvidenceView {
  const inputs =
    viewer.role === 'territory'
      ? evidence.inputs
      : evidence.inputs.filter((i) => i.partner === viewer.partnerId);
  const withheld = inputs.length < evidence.inputs.length;
  return {
    rule: evidence.rule,
    as_of: evidence.as_of,
    parameters: evidence.parameters,
    inputs,
    computation: withheld ? null : evidence.computation,
    explanation: withheld ? null : evidence.explanation,
    limits: limitsOf(evidence.explanation),
    inputs_withheld: withheld,
  };
}

function supportingView(s: StoredSupporting, viewer: CaseViewer): SupportingView {
  if ('evidence' in s)
    return {
      rule: s.rule,
      confidence: s.confidence,
      amount: s.amount,
      variant: s.variant,
      evidence: evidenceView(expandEvidence(s.evidence), viewer),
    };
  return {
    rule: s.rule,
    confidence: s.confidence ?? null,
    amount: null,
    variant: null,
    evidence: evidenceView(expandEvidence(s), viewer),
  };
}

export function caseEvidenceView(stored: unknown, viewer: CaseViewer): CaseEvidenceView {
  const e = stored as StoredEvidence & { supporting?: StoredSupporting[] };
  const main = evidenceView(expandEvidence(e), viewer);
  const supporting = (e.supporting ?? []).map((s) => supportingView(s, viewer));
  return { ...main, supporting };
}

// A case's evidence as the API shows it, to whom. The stored evidence is compact (parameters without
// their labels and legal references) and its supporting results come in two shapes: a rule's own
// supporting result ({ rule, variant, confidence, amount, evidence }) or, when the run merged results
// of several profiles, another result's bare evidence. Both are put in one shape here.
//
// What the viewer may see of it is the need-to-know rule's (case-sight.ts): a partner sees the inputs
// its own extracts gave; the parameters, the computation steps, the explanation (which quotes the
// values) and the supporting results only when every input is its own. The explanation's closing
// sentences — the presumption warning and the rule's known limits — are fixed wording, always shown.
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
import type { CaseSight } from './case-sight.ts';

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

function evidenceView(evidence: Evidence, sight: CaseSight): EvidenceView {
  const inputs =
    sight.inputsOf === null ? evidence.inputs : evidence.inputs.filter((i) => i.partner === sight.inputsOf);
  const shown = sight.computation;
  return {
    rule: evidence.rule,
    as_of: evidence.as_of,
    parameters: shown ? evidence.parameters : [],
    inputs,
    computation: shown ? evidence.computation : null,
    explanation: shown ? evidence.explanation : null,
    limits: limitsOf(evidence.explanation),
    inputs_withheld: inputs.length < evidence.inputs.length,
  };
}

function supportingView(s: StoredSupporting, sight: CaseSight): SupportingView {
  if ('evidence' in s)
    return {
      rule: s.rule,
      confidence: s.confidence,
      amount: s.amount,
      variant: s.variant,
      evidence: evidenceView(expandEvidence(s.evidence), sight),
    };
  return {
    rule: s.rule,
    confidence: s.confidence ?? null,
    amount: null,
    variant: null,
    evidence: evidenceView(expandEvidence(s), sight),
  };
}

export function caseEvidenceView(stored: unknown, sight: CaseSight): CaseEvidenceView {
  const e = stored as StoredEvidence & { supporting?: StoredSupporting[] };
  const main = evidenceView(expandEvidence(e), sight);
  // Which other rules agree is itself computed from the inputs.
  const supporting = sight.computation ? (e.supporting ?? []).map((s) => supportingView(s, sight)) : [];
  return { ...main, supporting };
}

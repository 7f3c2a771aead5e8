import type { GraphiqlExample } from './yoga.js';

/** The development tokens GraphiQL's example tabs carry, one per kind of user. */
export interface DevTokens {
  ministry: string;
  province: string;
  auditor: string;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * GraphiQL's opening tabs: the three users' questions of the README, ready to run. Thái Nguyên's
 * plan and figures are seed 002's; the revision and the report are the examples a user then sends.
 */
export function graphiqlExamples(tokens: DevTokens, startedAt: Date = new Date()): GraphiqlExample[] {
  return [
    {
      query: `# The ministry ranks provinces on doctors per 10,000 people in 2025, in both geographies.
query MinistryRanking {
  current: nationalComparison(indicator: "doctors_per_10000", year: 2025, geography: current) {
    on
    rows { rank province name value source note targetValue targetYear status documentNumber }
  }
  asTheyWere: nationalComparison(indicator: "doctors_per_10000", year: 2025, geography: pre_merger) {
    on
    rows { rank province name value source note }
  }
}`,
      headers: bearer(tokens.ministry),
    },
    {
      query: `# Thái Nguyên revises its 2030 target for doctors per 10,000 and reports a figure.
mutation ProvinceRevisesAndReports {
  reviseTarget(input: {
    tenant: "thai-nguyen-2025", plan: "de-an-2026-2030-chua-ghi-so",
    data: {
      target: "t5", comparator: ">=", value: 20, written: "20 bác sĩ",
      reason: "Raised after the 2025 review", effectiveOn: "2026-03-02",
      document: { number: "123/QĐ-UBND", kind: "Quyết định", issuer: "UBND tỉnh Thái Nguyên" }
    }
  }) { position projected events { type eventId } }
  reportIndicator(input: {
    province: "thai-nguyen-2025", indicator: "doctors_per_10000", period: { kind: "year", year: 2026 },
    value: 17.9, unit: per_10000, written: "17,9", status: estimate, source: "Báo cáo Sở Y tế 2026"
  }) { position projected }
}

query MyPlans {
  plans(province: "thai-nguyen-2025") {
    edges { node { plan inherited document { number } targets { target indicatorCode year comparator value progress { status ratio method } } } }
  }
}`,
      headers: bearer(tokens.province),
    },
    {
      query: `# The auditor: the ranking as it was before a revision, the target's history, the chain.
# asOf is when this gateway started: after the seeds, before anything sent from these tabs.
query AuditorReplay($asOf: DateTime) {
  before: nationalComparison(indicator: "doctors_per_10000", year: 2025, asOf: $asOf) {
    rows { province value targetValue status logPosition }
  }
  plans(province: "thai-nguyen-2025") {
    edges { node { targets { target history { revision value changeKind effectiveOn reason knownFrom document { number } recordedBy } } } }
  }
  verifyChain(tenant: "thai-nguyen-2025") { ok checked head message }
  events(filter: { tenant: "thai-nguyen-2025", types: ["TargetRevised", "IndicatorReported"] }, first: 10) {
    edges { node { position type actor documentNumber recordedAt hash } }
  }
}`,
      variables: { asOf: startedAt.toISOString() },
      headers: bearer(tokens.auditor),
    },
  ];
}

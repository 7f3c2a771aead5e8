import { graphql } from '../graphql.js';

export const TenantsQuery = graphql(`
  query Tenants($asOf: DateTime) {
    provinces(first: 100, asOf: $asOf) { edges { node { id name validTo } } }
  }
`);

// asOf, not filter.to: "as of" is what had been recorded by then, as on every other read.
export const EventsQuery = graphql(`
  query AuditEvents($filter: EventFilter, $after: String, $asOf: DateTime) {
    events(filter: $filter, first: 50, after: $after, asOf: $asOf) {
      edges { cursor node { eventId type tenant stream actor documentNumber recordedAt position tenantSeq data } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

// The gateway's cost limit (5000) counts a list's first as a multiplier: targets' and reports'
// histories are asked separately, each within it.
export const TargetHistoryQuery = graphql(`
  query AuditTargetHistory($province: ID!, $asOf: DateTime, $after: String) {
    plans(province: $province, asOf: $asOf, first: 10, after: $after) {
      edges {
        node {
          plan
          targets {
            id target indicatorCode year
            history {
              revision value comparator changeKind reason recordedBy knownFrom effectiveOn
              document { number kind issuer }
            }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ReportHistoryQuery = graphql(`
  query AuditReportHistory($province: ID!, $asOf: DateTime, $after: String) {
    reports(province: $province, asOf: $asOf, first: 50, after: $after) {
      edges { node { id indicator period history { revision value reason recordedBy knownFrom source corrects } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const VerifyQuery = graphql(`
  query VerifyChain($tenant: String!) {
    verifyChain(tenant: $tenant) { tenant ok checked head kind eventId message }
  }
`);

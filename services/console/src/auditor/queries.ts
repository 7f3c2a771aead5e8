import { graphql } from '../graphql.js';

export const TenantsQuery = graphql(`
  query Tenants($asOf: DateTime) {
    provinces(first: 200, asOf: $asOf) { edges { node { id name validTo } } }
  }
`);

export const EventsQuery = graphql(`
  query AuditEvents($filter: EventFilter, $after: String) {
    events(filter: $filter, first: 100, after: $after) {
      edges { cursor node { eventId type tenant stream actor documentNumber recordedAt position tenantSeq data } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const HistoryQuery = graphql(`
  query AuditHistory($province: ID!, $asOf: DateTime) {
    plans(province: $province, asOf: $asOf, first: 50) {
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
    }
    reports(province: $province, asOf: $asOf, first: 200) {
      edges { node { id indicator period history { revision value reason recordedBy knownFrom source corrects } } }
    }
  }
`);

export const VerifyQuery = graphql(`
  query VerifyChain($tenant: String!) {
    verifyChain(tenant: $tenant) { tenant ok checked head kind eventId message }
  }
`);

import { graphql } from '../graphql.js';

export const PlansQuery = graphql(`
  query ProvincePlans($province: ID!, $asOf: DateTime, $after: String) {
    province(id: $province, asOf: $asOf) { id name }
    plans(province: $province, asOf: $asOf, first: 10, after: $after) {
      edges {
        node {
          id plan province inherited periodFrom periodTo
          document { number kind issuer issuedOn title }
          budget { line title amount unit }
          tasks { task title deadline lead status reportedOn }
          targets {
            id target indicatorCode comparator value year written unit revision withdrawn kind text
            indicator { nameVi nameEn unit }
            document { number }
            progress { status ratio latest { value year } }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

// 50, not more: the gateway's cost limit (5000) multiplies by first, and urql adds __typename.
export const ReportsQuery = graphql(`
  query ProvinceReports($province: ID!, $asOf: DateTime, $after: String, $indicator: String) {
    reports(province: $province, asOf: $asOf, first: 50, after: $after, indicator: $indicator) {
      edges { node { id eventId province indicator period year value unit written status source revision } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ProvinceIndicatorsQuery = graphql(`
  query ProvinceIndicators($asOf: DateTime) {
    indicators(asOf: $asOf) { code nameVi nameEn unit }
  }
`);

export const ReportMutation = graphql(`
  mutation ReportFigure($input: ReportIndicatorInput!) {
    reportIndicator(input: $input) { projected events { eventId type } }
  }
`);

export const CorrectMutation = graphql(`
  mutation CorrectFigure($input: CorrectReportInput!) {
    correctReport(input: $input) { projected events { eventId type } }
  }
`);

export const ReviseMutation = graphql(`
  mutation ReviseTarget($input: ReviseTargetInput!) {
    reviseTarget(input: $input) { projected events { eventId type } }
  }
`);

export const TaskMutation = graphql(`
  mutation ReportTask($input: ReportPlanTaskInput!) {
    reportPlanTask(input: $input) { projected events { eventId type } }
  }
`);

export const AdoptMutation = graphql(`
  mutation AdoptPlan($input: AdoptPlanInput!) {
    adoptPlan(input: $input) { projected stream events { eventId type } }
  }
`);

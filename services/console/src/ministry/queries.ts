import { graphql } from '../graphql.js';

export const IndicatorsQuery = graphql(`
  query Indicators($asOf: DateTime) {
    indicators(asOf: $asOf) { code nameVi nameEn unit direction }
  }
`);

export const RankingQuery = graphql(`
  query Ranking($indicator: String!, $year: Int!, $geography: Geography, $asOf: DateTime) {
    nationalComparison(indicator: $indicator, year: $year, geography: $geography, asOf: $asOf) {
      on
      geography
      rows {
        rank province name value unit source note notes { code provinces detail } combinedFrom
        target targetValue targetYear comparator status documentNumber plan
      }
    }
  }
`);

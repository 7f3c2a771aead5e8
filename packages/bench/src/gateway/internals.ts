// The gateway's public entry (@chitieu/gateway) exports neither startGateway nor the resolvers' reads,
// and the bench must call exactly those: the reads are the direct-SQL baseline, and starting the
// gateway the way `pnpm start` does is what is measured. They are reached here, in one place, by
// path; exporting them from services/gateway/src/index.ts would let this file import the package.

export { nationalComparison } from '../../../../services/gateway/src/read/comparison.js';
export { plansOf, progressOfTargets, targetsOfPlans } from '../../../../services/gateway/src/read/plans.js';
export { listProvinces } from '../../../../services/gateway/src/read/reference.js';
export { type ReadScope, withReadScope } from '../../../../services/gateway/src/read/scope.js';
export { type Gateway, startGateway } from '../../../../services/gateway/src/start-gateway.js';

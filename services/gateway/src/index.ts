export { readActor } from './auth/read-actor.js';
export {
  createTokenKeys,
  signToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type TokenClaims,
  type TokenKeys,
  type TokenRole,
  verifyToken,
} from './auth/tokens.js';
export { createContextFactory, type GatewayContext, type GatewayServices } from './context.js';
export { type ArmorOptions, armorPlugins, QUERY_TOO_COMPLEX } from './graphql/armor.js';
export {
  builder,
  buildSchema,
  createBuilder,
  type GatewayBuilder,
  type GatewaySchemaTypes,
} from './graphql/builder.js';
export { createMaskError, type MaskError, maskError, UNEXPECTED_MESSAGE } from './graphql/errors.js';
export { inputFromZod, type ZodInputRef, type ZodInputShape } from './graphql/zod-input.js';
export { type AppOptions, createApp, type ServerContext } from './http/app.js';
export type { ReadyCheck } from './http/probes.js';
export { type FetchApp, type RunningServer, type ServeOptions, serve } from './http/serve.js';
export { createMetrics, type MetricsRegistry } from './metrics.js';
// The resolvers' reads and the gateway as `pnpm start` runs it, for the bench (packages/bench), which
// measures exactly these beside the HTTP answers.
export { nationalComparison } from './read/comparison.js';
export { plansOf, progressOfTargets, targetsOfPlans } from './read/plans.js';
export { listProvinces } from './read/reference.js';
export { type ReadScope, withReadScope } from './read/scope.js';
export { type Gateway, startGateway } from './start-gateway.js';
export { createGatewayYoga, type GatewayYoga, type GatewayYogaOptions, type GraphiqlExample } from './yoga.js';

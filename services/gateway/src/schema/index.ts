// Every type registers on the one builder when imported; this file imports them all, in no order
// that matters, and builds the schema.
import { buildSchema } from '../graphql/builder.js';
import './comparison.js';
import './event.js';
import './indicator.js';
import './mutations.js';
import './plan.js';
import './province.js';
import './replay.js';
import './report.js';
import './round.js';
import './subscription.js';
import './target.js';

/** The gateway's executable schema. */
export const schema = buildSchema();

/**
 * graphql-js's runtime values, from its CommonJS entry. graphql 16 ships `index.js` (CommonJS) and
 * `index.mjs` without an `exports` map: Node, and so Pothos and yoga, load `index.js`, while Vite (under
 * vitest) resolves a bare `graphql` in our sources to `index.mjs`. Two copies of the classes then
 * refuse each other ("Cannot use GraphQLSchema from another module or realm"). Importing values from
 * here (`import { printSchema } from '../graphql/graphql-js.js'`) keeps one copy everywhere; types
 * may still come from 'graphql'. Once the root vitest config aliases `graphql` to
 * `graphql/index.js`, this file can go.
 */
export * from 'graphql/index.js';

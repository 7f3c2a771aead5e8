import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const infra = (name: string) => readFileSync(fileURLToPath(new URL(`../../../infra/${name}`, import.meta.url)), 'utf8');

/** infra/roles.sql and infra/grants.sql, as an operator applies them. */
export const rolesSql = infra('roles.sql');
export const grantsSql = infra('grants.sql');

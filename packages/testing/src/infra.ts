// infra/roles.sql and infra/grants.sql, as an operator applies them: defined once, in @chitieu/database.
export { grantsSql, rolesSql } from '@chitieu/database';

import { writeFileSync } from 'node:fs';
import { printedSchema, SCHEMA_FILE } from './print-schema.js';

writeFileSync(SCHEMA_FILE, printedSchema());
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);

// `pnpm docs:generate`: writes the generated pages of docs/ (the event and indicator catalogues).
import { writeFileSync } from 'node:fs';
import { generatedDocs } from './generated-docs.js';

const DOCS = new URL('../../../../docs/', import.meta.url);
for (const [file, text] of Object.entries(generatedDocs())) {
  writeFileSync(new URL(file, DOCS), text);
  process.stdout.write(`wrote docs/${file}\n`);
}

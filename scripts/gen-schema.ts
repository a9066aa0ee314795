// npm run schema: writes schema/report.schema.json from the zod ReportSchema (the single source of
// truth), with zod 4's toJSONSchema. test/schema.test.ts fails when the committed file differs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ReportSchema, SCHEMA_VERSION } from '../lib/report/schema';

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema/report.schema.json');

/** The JSON Schema of the report, as the file's text. */
export function reportJsonSchema(): string {
  const { $schema, ...rest } = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' });
  const schema = {
    $schema,
    $id: `https://gongkai-lens.invalid/schema/report.v${SCHEMA_VERSION}.json`,
    title: 'Gongkai Lens report (公开年报核对)',
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

// Written only when run as the script, not when a test imports reportJsonSchema.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  fs.writeFileSync(SCHEMA_FILE, reportJsonSchema());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}

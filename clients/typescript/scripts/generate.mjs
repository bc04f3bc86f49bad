// Generates src/generated/<service>.ts from docs/openapi/<service>.json with openapi-typescript, one module
// per service. The documents are the contract; nothing here is written by hand.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const docs = process.env.PEERCIRCLE_OPENAPI_DIR ?? join(here, "../../../docs/openapi");
const out = join(here, "../src/generated");
const services = ["participant-service", "session-service", "assessment-service", "reporting-service"];

await mkdir(out, { recursive: true });
for (const service of services) {
  const document = JSON.parse(await readFile(join(docs, `${service}.json`), "utf8"));
  const ast = await openapiTS(document, { silent: true });
  const banner = `// Generated from docs/openapi/${service}.json by openapi-typescript; do not edit.\n`;
  await writeFile(join(out, `${service}.ts`), banner + astToString(ast));
  console.log(`generated src/generated/${service}.ts (${Object.keys(document.paths ?? {}).length} paths)`);
}

// Bearer tokens for the local run, signed with the key deploy/local/up.sh made (as deploy/local/token.sh does).
// In production the front end gets its token from Keycloak instead.
import { createSign } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type Role = "coordinator" | "social-worker" | "facilitator" | "analyst" | "integration";

const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

export function localToken(stateFolder: string, role: Role, subject: string, centres: string[] = []): string {
  const key = readFileSync(join(stateFolder, "keys", "private.pem"), "utf8");
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: "peercircle-local" }));
  const claims = b64url(JSON.stringify({
    iss: "peercircle-local", sub: subject, preferred_username: subject, iat: now, exp: now + 3600,
    realm_access: { roles: [role] }, centres,
  }));
  const signature = createSign("RSA-SHA256").update(`${header}.${claims}`).sign(key);
  return `${header}.${claims}.${b64url(signature)}`;
}

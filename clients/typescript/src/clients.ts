// One typed client per service, each generated from that service's OpenAPI document (docs/openapi).
import createClient from "openapi-fetch";
import type { components as AssessmentSchemas, paths as AssessmentPaths } from "./generated/assessment-service.js";
import type { components as ParticipantSchemas, paths as ParticipantPaths } from "./generated/participant-service.js";
import type { components as ReportingSchemas, paths as ReportingPaths } from "./generated/reporting-service.js";
import type { components as SessionSchemas, paths as SessionPaths } from "./generated/session-service.js";

export type Participant = ParticipantSchemas["schemas"];
export type Session = SessionSchemas["schemas"];
export type Assessment = AssessmentSchemas["schemas"];
export type Reporting = ReportingSchemas["schemas"];

export interface PeerCircle {
  participant: ReturnType<typeof createClient<ParticipantPaths>>;
  session: ReturnType<typeof createClient<SessionPaths>>;
  assessment: ReturnType<typeof createClient<AssessmentPaths>>;
  reporting: ReturnType<typeof createClient<ReportingPaths>>;
}

/** The local run's services listen on portBase + 1 … + 4 (deploy/local/env.sh). */
export function localPeerCircle(portBase: number): PeerCircle {
  const at = (offset: number) => ({ baseUrl: `http://localhost:${portBase + offset}` });
  return {
    participant: createClient<ParticipantPaths>(at(1)),
    session: createClient<SessionPaths>(at(2)),
    assessment: createClient<AssessmentPaths>(at(3)),
    reporting: createClient<ReportingPaths>(at(4)),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

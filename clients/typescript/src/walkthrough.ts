// The README walkthrough done by a front end: token → centre → register → screening (eligibility follows
// automatically) → group → enrol → PRE and POST assessments → the group's outcomes, with the typed clients
// generated from docs/openapi and nothing else.
//
//   PEERCIRCLE_HOME=.local PEERCIRCLE_PORT_BASE=8080 npm run walkthrough
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bearer, localPeerCircle, type Assessment, type Reporting, type Session } from "./clients.js";
import { localToken } from "./token.js";

const repository = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const home = process.env.PEERCIRCLE_HOME ?? join(repository, ".local");
const pc = localPeerCircle(Number(process.env.PEERCIRCLE_PORT_BASE ?? "8080"));

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an error naming the call, the status and the problem+json detail. */
function ok<T extends Answer>(what: string, answer: T): NonNullable<T["data"]> {
  if (!answer.response.ok) {
    throw new Error(`${what}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
  }
  return answer.data as NonNullable<T["data"]>;
}

/**
 * For operations whose OpenAPI document declares no body for the success answer (created resources returned
 * as a JAX-RS Response): the body is read as the named schema of the same document.
 */
function as<T>(what: string, answer: Answer): T {
  ok(what, answer);
  return answer.data as T;
}

/** Repeats a call while its answer means "this service has not heard of that yet" (events are on their way). */
async function eventually<T extends Answer>(what: string, notYet: (status: number) => boolean, call: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await call();
    if (answer.response.ok || !notYet(answer.response.status) || Date.now() > deadline) {
      return answer;
    }
    console.log(`  … ${what}: ${answer.response.status}, waiting for the event to arrive`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "");

// 1. tokens: the coordinator sets up a centre; its social worker does the rest
const coordinator = bearer(localToken(home, "coordinator", "walkthrough.coordinator"));

const centre = ok("createCentre", await pc.participant.POST("/api/v1/centres", {
  headers: coordinator,
  body: { name: `演示社区长者服务中心 ${stamp}`, district: "天河区", address: "天河路 88 号" },
}));
console.log(`centre        ${centre.name} ${centre.id}`);

const rule = ok("putEligibilityRule", await pc.participant.PUT("/api/v1/centres/{id}/eligibility-rule", {
  params: { path: { id: centre.id! } },
  headers: coordinator,
  body: { combinator: "ANY", conditions: [{ instrumentCode: "ALIENATION-7", operator: "GTE", threshold: 21 }] },
}));
console.log(`rule          ${rule.summary} / ${rule.summaryEn}`);

const socialWorker = bearer(localToken(home, "social-worker", "walkthrough.social-worker", [centre.id!]));

// 2. register a person referred by a community worker
const person = ok("registerParticipant", await pc.participant.POST("/api/v1/participants", {
  headers: socialWorker,
  body: {
    centreId: centre.id!, fullName: "王秀英", gender: "FEMALE", birthDate: "1956-04-12", phone: "13800138000",
    neighbourhood: "天河北社区", livingSituation: "WITH_GRANDCHILDREN", movedToCityYear: 2019,
    moveReason: "CARING_FOR_GRANDCHILDREN", hometown: { province: "湖南省", city: "衡阳市" }, referralSource: "COMMUNITY_WORKER",
  },
}));
console.log(`registered    ${person.fullName} ${person.id} (${person.status}, migrant: ${person.migrant})`);

// 3. screening: interpersonal alienation (ALIENATION-7, items 1–5); the centre's rule decides on its own
const answers = (values: number[]): Assessment["AdministrationRequest"]["answers"] =>
  Object.fromEntries(values.map((v, i) => [String(i + 1), v])) as unknown as Assessment["AdministrationRequest"]["answers"];
const screening = as<Assessment["Administration"]>("submitAdministration", await eventually("screening",
  (status) => status === 404, () => pc.assessment.POST("/api/v1/administrations", {
    headers: socialWorker,
    body: { participantId: person.id!, instrumentCode: "ALIENATION-7", phase: "SCREENING", mode: "INTERVIEWER",
      administeredAt: "2026-11-02T10:00:00+08:00", answers: answers([4, 4, 3, 4, 3, 4, 4]) },
  })));
console.log(`screening     ALIENATION-7 = ${screening.totalScore}`);

let status: string | undefined;
for (const deadline = Date.now() + 60_000; status !== "ELIGIBLE" && Date.now() < deadline;) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  status = ok("getParticipant", await pc.participant.GET("/api/v1/participants/{id}", {
    params: { path: { id: person.id! } }, headers: socialWorker,
  })).status;
}
if (status !== "ELIGIBLE") {
  throw new Error(`participant ${person.id} is ${status}, not ELIGIBLE, a minute after screening`);
}
console.log(`eligibility   ${status} (decided automatically by the centre's rule)`);

// 4. a group, and a seat in it
const group = as<Session["Group"]>("createGroup", await pc.session.POST("/api/v1/groups", {
  headers: socialWorker,
  body: { centreId: centre.id!, name: "老漂族同伴支持小组", kind: "SUPPORT_GROUP", capacity: { min: 1, max: 7 },
    templateCode: "ADJUSTMENT_6",
    schedule: { firstDate: "2026-09-07", startTime: "09:30", venue: "活动室 A" } },
}));
const recruiting = ok("changeGroupStatus", await pc.session.POST("/api/v1/groups/{id}/status", {
  params: { path: { id: group.id! } }, headers: socialWorker, body: { status: "RECRUITING", version: group.version! },
})) as Session["Group"];
const seat = as<Session["Member"]>("enrolMember", await eventually("enrolment", (s) => s === 400 || s === 409,
  () => pc.session.POST("/api/v1/groups/{groupId}/members", {
    params: { path: { groupId: group.id! } }, headers: socialWorker, body: { participantId: person.id! },
  })));
console.log(`enrolled      ${group.name} ${group.id}: ${seat.status}`);
ok("changeGroupStatus", await pc.session.POST("/api/v1/groups/{id}/status", {
  params: { path: { id: group.id! } }, headers: socialWorker, body: { status: "RUNNING", version: recruiting.version! },
}));

// 5. before and after the group
for (const [phase, values, at] of [["PRE", [4, 4, 4, 4, 3, 4, 4], "2026-09-07T09:40:00+08:00"],
  ["POST", [2, 3, 2, 3, 2, 3, 2], "2026-10-12T11:00:00+08:00"]] as const) {
  const scored = as<Assessment["Administration"]>("submitAdministration", await pc.assessment.POST("/api/v1/administrations", {
    headers: socialWorker,
    body: { participantId: person.id!, groupId: group.id!, instrumentCode: "ALIENATION-7", phase, mode: "INTERVIEWER",
      administeredAt: at, answers: answers([...values]) },
  }));
  console.log(`assessed      ${phase} ALIENATION-7 = ${scored.totalScore}`);
}

// 6. the group's outcomes, from reporting-service's read model (built from events alone)
let outcome: Reporting["InstrumentOutcome"] | undefined;
for (const deadline = Date.now() + 60_000; outcome?.total?.nPaired !== 1 && Date.now() < deadline;) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const answer = await pc.reporting.GET("/api/v1/groups/{groupId}/outcomes", {
    params: { path: { groupId: group.id! } }, headers: socialWorker,
  });
  outcome = answer.response.ok ? answer.data?.instruments?.find((i) => i.instrumentCode === "ALIENATION-7") : undefined;
}
if (outcome?.total?.nPaired !== 1) {
  throw new Error(`reporting shows no PRE/POST pair for group ${group.id} after a minute`);
}
console.log(`outcomes      ALIENATION-7 ${outcome.total.preMean} → ${outcome.total.postMean} (change ${outcome.total.meanChange}, `
  + `${outcome.higherIsWorse ? "lower is better" : "higher is better"})`);
console.log("walkthrough done");

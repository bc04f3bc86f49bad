package org.peercircle.tools.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peercircle.tools.api.Api;
import org.peercircle.tools.synthetic.Person;
import org.peercircle.tools.synthetic.Scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * L Village (L村), on the rural edge of the city, where many older people live alone while their children work
 * elsewhere. Eight lonely villagers run session-service's built-in six-session adjustment programme (cognitive,
 * enjoyment, technological and communication adjustment, "change, then consolidation"). Attendance is taken
 * each time; the oldest member misses two sessions in a row (flagged at risk), then leaves for health reasons.
 * Each session has a process record and the members' feedback; loneliness (DJG-6) and self-efficacy (GSE-10)
 * are measured before and after.
 */
final class VillageStory extends Story {

    static final String CENTRE = "L村长者互助站";
    static final String GROUP = "L村独居长者六节调适小组";
    private static final String[] NEIGHBOURHOODS = { "L村一组", "L村三组", "L村上围", "L村下围", "L村新屋" };
    private static final LocalDate SCREENING = LocalDate.of(2026, 8, 24);

    private static final String[][] THEME_TAGS = {
            { "loneliness", "peer-support" }, { "loneliness", "self-care" }, { "leisure" },
            { "technology", "family" }, { "communication", "community-participation" },
            { "peer-support", "community-participation" } };

    private static final String[] NOTES = {
            "组员大多互相认识但很少来往。签订小组契约，完成前测；几位老人说“一个人吃饭最难熬”。",
            "用“一个人的晚饭”情景讨论消极想法，组员练习换个角度看独居生活。",
            "兴趣分享会：两位阿姨教大家剪纸，一位伯伯唱了客家山歌，笑声不断。",
            "学用智能手机与子女视频。多数组员视力不好、第一次用微信视频，一节课学不完。",
            "开头继续练习视频通话 20 分钟；沟通练习：如何主动问候邻居、向人求助。",
            "回顾与巩固，完成后测。组员约定每周二上午在村委会活动室继续聚会。" };

    /** Session feedback (sum of five 1–5 ratings) rises as the group warms up. */
    private static final int[] FEEDBACK_SUMS = { 17, 18, 19, 20, 21, 22 };

    VillageStory(DemoContext context) {
        super(context, "liu.yang", "liu.yang");
    }

    @Override
    void tell() {
        openCentre(CENTRE, "从化区", "从化区 L 村村委会一楼");
        pc.eligibilityRule(tokens.coordinator(), centre, "ANY",
                new Object[] { "DJG-6", "GTE", 3 }, new Object[] { "UCLA-3", "GTE", 6 });

        List<Person> villagers = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            villagers.add(people.villagerLivingAlone(NEIGHBOURHOODS, i % 3 == 0 ? "NEIGHBOUR" : "COMMUNITY_WORKER"));
        }
        List<Member> screened = register(villagers);
        List<Member> members = screened.subList(0, 8);
        Member screenedOut = screened.get(8);
        register(people.villagerLivingAlone(NEIGHBOURHOODS, "FAMILY")); // referred by her son; not screened yet

        // the oldest member cannot read the form; her daughter signs for her
        Member oldest = members.stream().min((a, b) -> a.person().birthDate().compareTo(b.person().birthDate())).orElseThrow();
        for (Member m : screened) {
            consent(m, SCREENING, m == oldest ? new String[] { oldest.person().contactName(), oldest.person().contactRelation() } : null);
        }

        for (int i = 0; i < members.size(); i++) {
            int score = Math.max(3, Scale.DJG_6.draw(4.5, 1.0, people.random()));
            assess(members.get(i), null, Scale.DJG_6, "SCREENING", score, at(SCREENING.plusDays(i % 5), "15:00"));
        }
        assess(screenedOut, null, Scale.DJG_6, "SCREENING", 1, at(SCREENING.plusDays(4), "16:00"));
        assess(screenedOut, null, Scale.UCLA_3, "SCREENING", 4, at(SCREENING.plusDays(4), "16:10"));
        members.forEach(m -> pc.awaitStatus(socialWorker, m.id(), "ELIGIBLE"));
        pc.awaitStatus(socialWorker, screenedOut.id(), "INELIGIBLE");
        log.println("    screened: 8 eligible, 1 screened out, 1 referred");

        UUID group = createGroup();
        pc.groupStatus(socialWorker, group, "RECRUITING");
        enrol(group, members);
        awaitEnrolled(members);
        pc.groupStatus(socialWorker, group, "RUNNING");

        List<JsonNode> sessions = sessions(group);
        LocalDate first = day(sessions.get(0));
        Map<Member, int[]> pre = new LinkedHashMap<>();
        for (Member m : members) {
            int djg = Scale.DJG_6.draw(4.4, 0.9, people.random());
            int gse = Scale.GSE_10.draw(21, 3, people.random());
            pre.put(m, new int[] { djg, gse });
            assess(m, group, Scale.DJG_6, "PRE", djg, at(first, "09:15"));
            assess(m, group, Scale.GSE_10, "PRE", gse, at(first, "09:25"));
        }

        List<Member> stayed = new ArrayList<>(members);
        for (int i = 0; i < sessions.size(); i++) {
            JsonNode session = sessions.get(i);
            runSession(group, session, i, stayed, oldest);
            if (i == 2) {
                // after two absences in a row (flagged at risk) a home visit: she is in hospital
                pc.withdrawMember(socialWorker, group, oldest.id(), "HEALTH");
                pc.changeStatus(socialWorker, oldest.id(), "WITHDRAWN", "HEALTH", "住院治疗，出院后由女儿接去城里照顾");
                stayed.remove(oldest);
            }
            if (i == 3) {
                pc.logAdjustment(facilitator, group, id(session),
                        "第四节智能手机教学延长 30 分钟，第五节开头再练习 20 分钟视频通话",
                        "多数组员视力不好、第一次用微信视频，一节课学不完");
            }
        }

        LocalDate last = day(sessions.get(sessions.size() - 1));
        for (Member m : stayed) {
            int djg = Scale.DJG_6.clamp(Math.round(pre.get(m)[0] - (people.random().nextGaussian() * 0.9 + 2)));
            int gse = Scale.GSE_10.clamp(Math.round(pre.get(m)[1] + (people.random().nextGaussian() * 2.5 + 5)));
            assess(m, group, Scale.DJG_6, "POST", djg, at(last, "10:30"));
            assess(m, group, Scale.GSE_10, "POST", gse, at(last, "10:40"));
        }

        pc.groupStatus(socialWorker, group, "CLOSED");
        toStatus(stayed, "COMPLETED", "完成六节调适小组");
        groups.add(new DemoGroup(group, GROUP, stayed.size(), List.of("DJG-6", "GSE-10")));
        log.println("    group " + GROUP + ": 8 enrolled, 1 withdrew (HEALTH) after session 3, 7 completed; "
                + "process records and feedback for 6 sessions; pre/post DJG-6 and GSE-10; group closed");
    }

    private UUID createGroup() {
        ObjectNode request = Api.object().put("centreId", centre.toString()).put("name", GROUP)
                .put("kind", "SUPPORT_GROUP").put("targetPopulation", "农村独居老人，孤独感较高")
                .put("approach", "先改变、后巩固：认知、乐趣、科技、沟通四方面调适").put("templateCode", "ADJUSTMENT_6");
        strings(request, "goals", "缓解孤独感", "提升自我效能感", "提升人际交往能力");
        strings(request, "facilitators", facilitatorSubject);
        request.putObject("capacity").put("min", 6).put("max", 8);
        ObjectNode rhythm = request.putObject("schedule").put("firstDate", "2026-09-08").put("startTime", "09:00")
                .put("venue", "L村村委会活动室").put("facilitator", facilitatorSubject);
        strings(rhythm, "skipDates", "2026-10-06"); // National Day holiday week
        return id(pc.createGroup(socialWorker, request));
    }

    private void runSession(UUID group, JsonNode session, int index, List<Member> members, Member oldest) {
        UUID id = id(session);
        Map<UUID, String> attendance = new LinkedHashMap<>();
        List<ObjectNode> observations = new ArrayList<>();
        List<Member> present = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String status;
            if (m == oldest) {
                status = index == 0 ? "PRESENT" : "ABSENT";
            } else if (index == 3 && i == 1) {
                status = "LATE";
            } else if (index == 4 && i == 4) {
                status = "EXCUSED"; // market day in town
            } else {
                status = "PRESENT";
            }
            attendance.put(m.id(), status);
            if (status.equals("PRESENT") || status.equals("LATE")) {
                present.add(m);
                String participation = index == 0 ? "PASSIVE" : index < 3 ? (i % 2 == 0 ? "RESPONSIVE" : "PASSIVE")
                        : i % 3 == 0 ? "RESPONSIVE" : "ACTIVE";
                String mood = index == 0 ? (i % 2 == 0 ? "LOW" : "CALM") : index < 3 ? "CALM" : "CHEERFUL";
                String note = index == 3 && i == 2 ? "第一次和在深圳打工的儿子视频，哭了" : null;
                observations.add(observation(m, participation, mood, note));
            }
        }
        pc.attendance(facilitator, id, attendance);
        int[] ratings = index == 3 ? new int[] { 3, 4 } : index == 0 ? new int[] { 4, 4 } : new int[] { 4, 5 };
        pc.processRecord(facilitator, id, processRecord(ratings, observations, THEME_TAGS[index], NOTES[index]));
        // process evaluation: each member present rates the session (five statements, 1–5)
        LocalDate day = day(session);
        for (Member m : present) {
            int sum = Scale.SESSION_FEEDBACK.draw(FEEDBACK_SUMS[index], 1.5, people.random());
            pc.submit(facilitator, m.id(), group, Scale.SESSION_FEEDBACK.code(), "SESSION_FEEDBACK",
                    at(day, "10:30"), "INTERVIEWER", Scale.SESSION_FEEDBACK.answers(sum, people.random()));
        }
        pc.completeSession(facilitator, id);
    }
}

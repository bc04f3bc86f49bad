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
 * T Community (T社区), a big-city neighbourhood where many retirees from other provinces look after their
 * grandchildren. Fourteen people are referred; nine are screened in for their high interpersonal alienation,
 * seven take the seats of a six-session peer-support group built on social-support theory and two wait.
 * Interpersonal alienation (ALIENATION-7) and loneliness (UCLA-3) are measured before and after, and each member's
 * support network is mapped at the start and the end, when it holds new peer ties from the group.
 */
final class OldDriftersStory extends Story {

    static final String CENTRE = "T社区长者服务站";
    static final String GROUP = "T社区老漂族同伴支持小组";
    private static final String[] NEIGHBOURHOODS = { "T社区翠园小区", "T社区华景新城", "T社区骏景花园", "T社区金碧小区",
            "T社区天晖小区" };
    private static final LocalDate SCREENING = LocalDate.of(2026, 8, 17);
    private static final LocalDate BASELINE = LocalDate.of(2026, 8, 26);
    private static final LocalDate END_OF_GROUP = LocalDate.of(2026, 10, 21);

    /** Six Wednesday mornings after the school run; the National Day holiday week is left out. */
    private static final Object[][] SESSIONS = {
            { "2026-09-02", "CHANGE", "相识相知：我从哪里来", "Getting to know each other: where I come from",
                    "组员相互认识，讲述各自来到广州的经历", "Members meet and tell how they came to Guangzhou",
                    "订立小组契约，建立安全、信任的氛围", "Agree a group contract; build a safe, trusting atmosphere" },
            { "2026-09-09", "CHANGE", "城市新生活：适应与困扰", "New life in the city: adjusting and what troubles us",
                    "说出在城市生活中的不适应和孤单感受", "Name what is hard about city life and the loneliness",
                    "发现彼此的相似经历，减少“只有我这样”的想法", "Discover shared experiences: \"it is not only me\"" },
            { "2026-09-16", "CHANGE", "乡音乡情：方言与家乡味", "Voices from home: dialects and home cooking",
                    "通过家乡话和家乡菜分享情感", "Share feelings through home dialects and dishes",
                    "找到老乡和兴趣相近的伙伴", "Find people from the same province or with the same interests" },
            { "2026-09-23", "CHANGE", "走进社区：认识身边的资源", "Into the community: resources nearby",
                    "认识社区医院、老年大学、社工站等正式支持", "Get to know the clinic, seniors' college and social work station",
                    "学会在需要时向谁求助", "Learn whom to ask when help is needed" },
            { "2026-09-30", "CONSOLIDATION", "互助同行：结对与支持", "Walking together: pairing up",
                    "组员两两结对，约定日常互相问候", "Members pair up and agree to check on each other",
                    "练习表达关心和接受帮助", "Practise offering care and accepting help" },
            { "2026-10-14", "CONSOLIDATION", "回顾与展望：延续同伴网络", "Looking back and ahead: keeping the peer network",
                    "回顾小组收获，完成后测", "Review what the group gave; post-test",
                    "建立小组结束后的联络方式（微信群、每周广场聚会）", "Keep in touch after the group (WeChat group, weekly meet-up)" } };

    private static final String[][] THEME_TAGS = {
            { "peer-support", "homesickness" }, { "loneliness", "grandchild-care", "family" },
            { "homesickness", "peer-support" }, { "community-participation", "health" },
            { "peer-support", "communication" }, { "peer-support", "community-participation" } };

    private static final String[] NOTES = {
            "组员多为湖南、江西、河南来的老人，每天接送孙辈。破冰时不少人第一次说起“在这里没有朋友”。",
            "谈到语言不通、和子女育儿观念不同时情绪较多，组员之间互相安慰。",
            "用家乡话介绍家乡菜，气氛最热烈；两位湖南的阿姨发现是同一个县的。",
            "参观社区卫生服务中心和老年大学，组员登记了老年大学书法班。",
            "组员两两结对，约定每天在小区广场见面时互相问候；有人主动提出帮忙接送孙辈。",
            "组员回顾六次活动，多人表示“在广州有了说话的人”。建立了微信群，约定每周三上午继续聚会。" };

    OldDriftersStory(DemoContext context) {
        super(context, "chen.jing", "chen.jing");
    }

    @Override
    void tell() {
        openCentre(CENTRE, "天河区", "天河区 T 社区党群服务中心二楼");
        pc.eligibilityRule(tokens.coordinator(), centre, "ANY",
                new Object[] { "ALIENATION-7", "GTE", 21 }, new Object[] { "UCLA-3", "GTE", 6 });

        List<Member> eligible = register(drifters(9, "COMMUNITY_WORKER"));
        List<Member> members = eligible.subList(0, 7);
        List<Member> screenedOut = register(drifters(2, "SELF"));
        register(people.oldDrifter(NEIGHBOURHOODS, "HOSPITAL")); // referred by the hospital; not screened yet
        Member inScreening = register(people.oldDrifter(NEIGHBOURHOODS, "FAMILY"));
        Member movedAway = register(people.oldDrifter(NEIGHBOURHOODS, "NEIGHBOUR"));

        for (Member m : eligible) {
            consent(m, SCREENING, null);
        }
        screenedOut.forEach(m -> consent(m, SCREENING, null));

        // screening at the centre: the rule decides on its own from the scores
        Map<Member, Integer> screeningScore = new LinkedHashMap<>();
        int day = 0;
        for (Member m : eligible) {
            int score = Math.max(21, Scale.ALIENATION_7.draw(26.5, 2.5, people.random()));
            screeningScore.put(m, total(assess(m, null, Scale.ALIENATION_7, "SCREENING", score,
                    at(SCREENING.plusDays(day++ % 5), "10:00"))));
        }
        for (Member m : screenedOut) {
            LocalDate on = SCREENING.plusDays(day++ % 5);
            assess(m, null, Scale.ALIENATION_7, "SCREENING", people.between(13, 17), at(on, "10:30"));
            assess(m, null, Scale.UCLA_3, "SCREENING", people.between(3, 4), at(on, "10:45"));
        }
        pc.changeStatus(socialWorker, inScreening.id(), "SCREENING", null, "女儿来电转介，已预约下周家访做筛查");
        pc.changeStatus(socialWorker, movedAway.id(), "WITHDRAWN", "MOVED_AWAY", "孙子上小学后随子女回老家");
        eligible.forEach(m -> pc.awaitStatus(socialWorker, m.id(), "ELIGIBLE"));
        screenedOut.forEach(m -> pc.awaitStatus(socialWorker, m.id(), "INELIGIBLE"));
        log.println("    screened: " + eligible.size() + " eligible, " + screenedOut.size() + " screened out, "
                + "1 referred, 1 in screening, 1 withdrawn before screening");

        Map<Member, List<ObjectNode>> baselineTies = new LinkedHashMap<>();
        for (Member m : members) {
            baselineTies.put(m, baselineTies(m));
            pc.recordNetwork(socialWorker, m.id(), snapshot(BASELINE, "BASELINE", "首次家访时绘制", baselineTies.get(m)));
        }

        UUID group = createGroup();
        pc.groupStatus(socialWorker, group, "RECRUITING");
        Map<Member, String> seats = enrol(group, eligible);
        awaitEnrolled(members);
        pc.groupStatus(socialWorker, group, "RUNNING");
        log.println("    group " + GROUP + ": " + count(seats, "ENROLLED") + " enrolled, " + count(seats, "WAIT_LISTED")
                + " wait-listed");

        List<JsonNode> sessions = sessions(group);
        Map<Member, int[]> pre = new LinkedHashMap<>();
        for (Member m : members) {
            int ipa = Scale.ALIENATION_7.clamp(screeningScore.get(m) + people.between(-1, 1));
            int ucla = Scale.UCLA_3.draw(7.3, 1.0, people.random());
            pre.put(m, new int[] { ipa, ucla });
            assess(m, group, Scale.ALIENATION_7, "PRE", ipa, at(day(sessions.get(0)), "09:40"));
            assess(m, group, Scale.UCLA_3, "PRE", ucla, at(day(sessions.get(0)), "09:50"));
        }

        for (int i = 0; i < sessions.size(); i++) {
            runSession(sessions.get(i), i, members);
        }

        LocalDate last = day(sessions.get(sessions.size() - 1));
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            // the fourth member gained little; the others clearly less alienated and less lonely
            double ipaDrop = i == 3 ? 1 : people.random().nextGaussian() * 2 + 6.5;
            double uclaDrop = i == 3 ? 0 : people.random().nextGaussian() * 0.8 + 2;
            assess(m, group, Scale.ALIENATION_7, "POST", Scale.ALIENATION_7.clamp(Math.round(pre.get(m)[0] - ipaDrop)), at(last, "10:40"));
            assess(m, group, Scale.UCLA_3, "POST", Scale.UCLA_3.clamp(Math.round(pre.get(m)[1] - uclaDrop)), at(last, "10:50"));
        }

        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            List<ObjectNode> ties = new ArrayList<>(baselineTies.get(m));
            // new peer ties: the members they paired with, and one more they got on with
            Member partner = members.get((i + 1) % members.size());
            Member other = members.get((i + members.size() - 1) % members.size());
            ties.add(tie("组员 " + partner.person().familiarName(), "PEER", "DAILY", 4, "结对伙伴，每天广场见面",
                    "EXPRESSIVE", "INSTRUMENTAL"));
            if (i != 3) {
                ties.add(tie("组员 " + other.person().familiarName(), "PEER", "WEEKLY", 3, "小组认识的老乡", "EXPRESSIVE"));
                ties.add(tie("社工 陈静", "COMMUNITY_WORKER", "MONTHLY", 3, null, "INFORMATIONAL", "EXPRESSIVE"));
            }
            pc.recordNetwork(socialWorker, m.id(), snapshot(END_OF_GROUP, "END_OF_GROUP", "小组结束后一周回访", ties));
        }

        pc.groupStatus(socialWorker, group, "CLOSED");
        toStatus(members, "COMPLETED", "完成六节小组活动");
        groups.add(new DemoGroup(group, GROUP, members.size(), List.of("ALIENATION-7", "UCLA-3")));
        log.println("    6 sessions held; pre/post ALIENATION-7 and UCLA-3; network snapshots before and after; group closed");
    }

    private List<Person> drifters(int n, String source) {
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            persons.add(people.oldDrifter(NEIGHBOURHOODS, source));
        }
        return persons;
    }

    /** Before the group: family around them, old friends far away, hardly anyone nearby. */
    private List<ObjectNode> baselineTies(Member m) {
        Person p = m.person();
        List<ObjectNode> ties = new ArrayList<>();
        ties.add(tie(p.contactRelation() + " " + p.contactName(), "FAMILY", "DAILY", 4, "同住，工作很忙",
                "INSTRUMENTAL", "EXPRESSIVE"));
        if (people.random().nextBoolean()) {
            ties.add(tie("老伴（在老家）", "FAMILY", "WEEKLY", 4, "每周视频通话", "EXPRESSIVE"));
        }
        ties.add(tie("老家的老姐妹", "PEER", "MONTHLY", 3, "偶尔打电话", "EXPRESSIVE"));
        if (people.random().nextDouble() < 0.4) {
            ties.add(tie("楼下带孙子的邻居", "NEIGHBOUR", "WEEKLY", 2, "只是点头之交", "INFORMATIONAL"));
        }
        return ties;
    }

    private UUID createGroup() {
        ObjectNode request = Api.object().put("centreId", centre.toString()).put("name", GROUP)
                .put("kind", "SUPPORT_GROUP").put("targetPopulation", "随迁老人（老漂族），人际疏离感较高")
                .put("approach", "社会支持理论：增加同伴（非正式）支持，连接社区（正式）支持");
        strings(request, "goals", "减轻人际疏离感和孤独感", "建立同伴支持网络", "熟悉并使用社区资源");
        strings(request, "facilitators", facilitatorSubject);
        request.putObject("capacity").put("min", 5).put("max", 7);
        UUID group = id(pc.createGroup(socialWorker, request));
        for (Object[] s : SESSIONS) {
            LocalDate day = LocalDate.parse((String) s[0]);
            ObjectNode session = Api.object().put("phase", (String) s[1]);
            session.set("theme", text((String) s[2], (String) s[3]));
            session.putArray("objectives").add(text((String) s[4], (String) s[5])).add(text((String) s[6], (String) s[7]));
            session.put("startsAt", at(day, "09:30").toString()).put("endsAt", at(day, "11:00").toString())
                    .put("venue", "T社区党群服务中心 二楼活动室").put("facilitator", facilitatorSubject);
            pc.addSession(socialWorker, group, session);
        }
        return group;
    }

    private void runSession(JsonNode session, int index, List<Member> members) {
        UUID id = id(session);
        Map<UUID, String> attendance = new LinkedHashMap<>();
        List<ObjectNode> observations = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String status = index == 2 && i == 5 ? "EXCUSED" : index == 1 && i == 2 ? "LATE" : "PRESENT";
            attendance.put(m.id(), status);
            if (!status.equals("EXCUSED")) {
                String participation = index == 0 ? (i % 3 == 0 ? "RESPONSIVE" : "PASSIVE")
                        : index < 3 ? (i % 2 == 0 ? "ACTIVE" : "RESPONSIVE") : "ACTIVE";
                String mood = index == 1 && i % 3 == 1 ? "LOW" : index == 0 ? "CALM" : "CHEERFUL";
                observations.add(observation(m, participation, mood, null));
            }
        }
        pc.attendance(facilitator, id, attendance);
        int[] ratings = index == 0 ? new int[] { 4, 3 } : index == 3 ? new int[] { 5, 4 } : new int[] { 4, 4 };
        pc.processRecord(facilitator, id, processRecord(ratings, observations, THEME_TAGS[index], NOTES[index]));
        pc.completeSession(facilitator, id);
    }

    private static long count(Map<Member, String> seats, String status) {
        return seats.values().stream().filter(status::equals).count();
    }
}

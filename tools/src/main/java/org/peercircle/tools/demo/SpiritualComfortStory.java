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
 * S Street (S街道), an old inner-city neighbourhood with many widowed people living alone. The social worker
 * first asks ten of them what a group should offer (the NEEDS-GROUP questionnaire), then designs a
 * spiritual-comfort mutual-aid group from the answers: Thursday afternoons, reminiscence and singing, a
 * volunteer to walk with those who cannot come alone. Eight take part, one waits; keeping members is the hard
 * part (one misses two sessions and is visited at home). Loneliness (UCLA-3) and depressive symptoms (GDS-15)
 * are measured before and after. All eight sessions are held; the group stays RUNNING until the follow-up
 * visit a month later, so its members are still ENROLLED.
 */
final class SpiritualComfortStory extends Story {

    static final String CENTRE = "S街道长者服务中心";
    static final String GROUP = "S街道独居长者精神慰藉互助小组";
    private static final String[] NEIGHBOURHOODS = { "S街道东山口", "S街道农林下路", "S街道署前路", "S街道梅花村",
            "S街道龟岗" };
    private static final LocalDate NEEDS = LocalDate.of(2026, 8, 10);
    private static final LocalDate SCREENING = LocalDate.of(2026, 8, 20);

    private static final String[] NOTES = {
            "相聚相识：组员多为丧偶独居的街坊，彼此面熟但很少交谈。", "倾诉与倾听：两位组员说起老伴去世后的日子，大家安静倾听。",
            "回忆人生：带来老照片，讲年轻时在工厂、在知青点的故事。", "情绪疏导：一位组员缺席两次，社工会后家访了解原因。",
            "兴趣同乐：按需求问卷安排唱老歌，缺席的组员在志愿者陪同下回来了。", "邻里互助：组员商量互相照应，交换电话。",
            "编织互助网络：绘制“我的互助圈”，把小组伙伴画进去。", "温情告别：完成后测，约定一个月后回访。" };
    private static final String[][] THEME_TAGS = {
            { "peer-support" }, { "bereavement", "loneliness" }, { "leisure", "intergenerational" }, { "loneliness", "health" },
            { "leisure", "peer-support" }, { "community-participation", "peer-support" }, { "peer-support" },
            { "peer-support", "communication" } };

    SpiritualComfortStory(DemoContext context) {
        super(context, "zhou.min", "zhou.min");
    }

    @Override
    void tell() {
        openCentre(CENTRE, "越秀区", "越秀区 S 街道综合服务中心一楼");
        pc.eligibilityRule(tokens.coordinator(), centre, "ANY", new Object[] { "UCLA-3", "GTE", 6 });

        List<Person> residents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            residents.add(people.cityResidentLivingAlone(NEIGHBOURHOODS, i < 6 ? "COMMUNITY_WORKER" : "NEIGHBOUR"));
        }
        List<Member> respondents = register(residents);
        register(people.cityResidentLivingAlone(NEIGHBOURHOODS, "CITY_PLATFORM")); // referred by the city hotline

        // before anything is designed: what would they come for, when, and what keeps them away?
        for (int i = 0; i < respondents.size(); i++) {
            pc.submit(socialWorker, respondents.get(i).id(), null, "NEEDS-GROUP", "NEEDS", at(NEEDS.plusDays(i % 5), "15:00"),
                    "INTERVIEWER", needs(i));
        }
        log.println("    needs questionnaire answered by " + respondents.size() + " residents living alone");

        respondents.forEach(m -> consent(m, SCREENING, null));
        List<Member> eligible = respondents.subList(0, 9);
        Member screenedOut = respondents.get(9);
        for (int i = 0; i < eligible.size(); i++) {
            int score = Math.max(6, Scale.UCLA_3.draw(7.5, 1.0, people.random()));
            assess(eligible.get(i), null, Scale.UCLA_3, "SCREENING", score, at(SCREENING.plusDays(i % 3), "15:30"));
        }
        assess(screenedOut, null, Scale.UCLA_3, "SCREENING", 4, at(SCREENING, "16:30"));
        eligible.forEach(m -> pc.awaitStatus(socialWorker, m.id(), "ELIGIBLE"));
        pc.awaitStatus(socialWorker, screenedOut.id(), "INELIGIBLE");

        UUID group = createGroup();
        pc.logAdjustment(socialWorker, group, null,
                "根据需求问卷设计小组：活动定在周四下午；第三节“回忆人生”、第五节“兴趣同乐”以怀旧分享和唱老歌为主；为行动不便的组员安排志愿者陪同",
                "需求问卷：10 人中 8 人方便工作日下午，7 人对怀旧分享感兴趣，6 人喜欢唱歌，4 人行动不便、5 人担心不认识其他人");
        pc.groupStatus(socialWorker, group, "RECRUITING");
        Map<Member, String> seats = enrol(group, eligible);
        List<Member> members = seats.entrySet().stream().filter(e -> e.getValue().equals("ENROLLED")).map(Map.Entry::getKey).toList();
        awaitEnrolled(members);
        pc.groupStatus(socialWorker, group, "RUNNING");
        log.println("    group " + GROUP + " designed from the needs: " + members.size() + " enrolled, "
                + (eligible.size() - members.size()) + " wait-listed");

        List<JsonNode> sessions = sessions(group);
        Map<Member, int[]> pre = new LinkedHashMap<>();
        for (Member m : members) {
            int ucla = Scale.UCLA_3.draw(7.4, 1.0, people.random());
            int gds = Scale.GDS_15.draw(7, 2, people.random());
            pre.put(m, new int[] { ucla, gds });
            assess(m, group, Scale.UCLA_3, "PRE", ucla, at(day(sessions.get(0)), "14:40"));
            assess(m, group, Scale.GDS_15, "PRE", gds, at(day(sessions.get(0)), "14:50"));
        }

        Member struggling = members.get(2);
        for (int i = 0; i < sessions.size(); i++) {
            UUID id = id(sessions.get(i));
            Map<UUID, String> attendance = new LinkedHashMap<>();
            List<ObjectNode> observations = new ArrayList<>();
            for (int j = 0; j < members.size(); j++) {
                Member m = members.get(j);
                String status = m == struggling && (i == 2 || i == 3) ? "ABSENT"
                        : i == 6 && j == 5 ? "EXCUSED" : i == 1 && j == 0 ? "LATE" : "PRESENT";
                attendance.put(m.id(), status);
                if (status.equals("PRESENT") || status.equals("LATE")) {
                    observations.add(observation(m, i < 2 ? "PASSIVE" : j % 2 == 0 ? "ACTIVE" : "RESPONSIVE",
                            i < 2 && j % 3 == 0 ? "LOW" : i < 4 ? "CALM" : "CHEERFUL", null));
                }
            }
            pc.attendance(facilitator, id, attendance);
            pc.processRecord(facilitator, id, processRecord(new int[] { i == 0 ? 3 : 4 }, observations, THEME_TAGS[i], NOTES[i]));
            pc.completeSession(facilitator, id);
        }

        LocalDate last = day(sessions.get(sessions.size() - 1));
        for (Member m : members) {
            int ucla = Scale.UCLA_3.clamp(Math.round(pre.get(m)[0] - (people.random().nextGaussian() * 0.9 + 1.6)));
            int gds = Scale.GDS_15.clamp(Math.round(pre.get(m)[1] - (people.random().nextGaussian() * 1.5 + 2.5)));
            assess(m, group, Scale.UCLA_3, "POST", ucla, at(last, "16:00"));
            assess(m, group, Scale.GDS_15, "POST", gds, at(last, "16:10"));
        }
        groups.add(new DemoGroup(group, GROUP, members.size(), List.of("UCLA-3", "GDS-15")));
        log.println("    8 sessions held; pre/post UCLA-3 and GDS-15; the group stays RUNNING until the follow-up visit");
    }

    /** Mostly weekday afternoons, reminiscence and singing; mobility and shyness keep people away. */
    private Map<String, Object> needs(int i) {
        Map<String, Object> answers = new LinkedHashMap<>();
        List<Integer> interests = new ArrayList<>();
        if (i < 7) {
            interests.add(6); // 怀旧分享
        }
        if (i % 5 != 4) {
            interests.add(3); // 唱歌跳舞
        }
        interests.add(i % 2 == 0 ? 4 : 7); // 健康讲座 / 户外散步
        answers.put("interests", interests);
        answers.put("times", i < 8 ? List.of(2) : List.of(3, 4));
        List<Integer> barriers = new ArrayList<>();
        if (i % 5 < 2 || i == 9) {
            barriers.add(3); // 身体或行动不便
        }
        if (i < 5) {
            barriers.add(5); // 不认识其他人
        }
        if (barriers.isEmpty()) {
            barriers.add(6); // 家务繁忙
        }
        answers.put("barriers", barriers);
        answers.put("frequency", i < 7 ? 1 : 2);
        answers.put("willingness", i == 9 ? 2 : i % 3 == 0 ? 4 : 3);
        return answers;
    }

    private UUID createGroup() {
        ObjectNode request = Api.object().put("centreId", centre.toString()).put("name", GROUP)
                .put("kind", "MUTUAL_AID_GROUP").put("targetPopulation", "丧偶、独居的城市老人")
                .put("approach", "精神慰藉与互助：倾诉、回忆、同乐，编织邻里互助网络").put("templateCode", "SPIRITUAL_COMFORT_8");
        strings(request, "goals", "缓解孤独感与抑郁情绪", "建立邻里互助关系", "留住组员：每次活动前电话提醒");
        strings(request, "facilitators", facilitatorSubject);
        request.putObject("capacity").put("min", 6).put("max", 8);
        ObjectNode rhythm = request.putObject("schedule").put("firstDate", "2026-09-03").put("startTime", "14:30")
                .put("venue", "S街道长者服务中心 多功能厅").put("facilitator", facilitatorSubject);
        strings(rhythm, "skipDates", "2026-10-01"); // National Day
        return id(pc.createGroup(socialWorker, request));
    }
}

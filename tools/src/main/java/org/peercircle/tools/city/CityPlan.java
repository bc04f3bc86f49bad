package org.peercircle.tools.city;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.peercircle.tools.synthetic.Person;
import org.peercircle.tools.synthetic.Synthetic;

/**
 * Everything a generated city will hold, decided up front from the seed (plain Java, no I/O): the centres,
 * each person and their screening score, and each group with its programme, dates, members and how far it has
 * got. Executing the plan concurrently then cannot change what is made; only the server-side ids differ.
 */
public final class CityPlan {

    /** Screening rule of every generated centre: lonely on the UCLA-3 (6 to 9). */
    public static final int ELIGIBLE_FROM = 6;
    static final String[] DISTRICTS = { "天河区", "越秀区", "海珠区", "荔湾区", "白云区", "黄埔区", "番禺区", "花都区",
            "南沙区", "从化区", "增城区" };
    private static final String[] STREETS = { "东风", "长寿", "金沙", "新港", "石牌", "沙河", "南华", "白鹤洞", "同和", "龙洞",
            "大石", "新华", "街口", "荔城", "狮岭", "珠江", "江南", "登峰", "棠景", "萝岗" };
    private static final String[] ESTATES = { "花园", "新村", "小区", "苑", "雅居", "北社区", "南社区" };
    private static final String[] START_TIMES = { "09:00", "09:30", "14:00", "14:30", "15:00" };

    public record Centre(int index, String name, String district, String[] neighbourhoods) {
    }

    /** A person; {@code screeningScore} is null for someone referred and not screened yet. */
    public record Participant(int index, int centre, Person person, Integer screeningScore) {
        public boolean eligible() {
            return screeningScore != null && screeningScore >= ELIGIBLE_FROM;
        }
    }

    public enum Stage { RECRUITING, RUNNING, CLOSED }

    /** How one member fares: their attendance habit and the session after which they leave (-1: they stay). */
    public record Seat(int participant, double attendance, int leavesAfter, String leaveReason) {
    }

    public record Group(int index, int centre, String name, String templateCode, String kind, int sessions,
            LocalDate firstDate, String startTime, int capacityMin, int capacityMax, Stage stage, int sessionsHeld,
            List<Seat> seats, long seed) {
    }

    public final List<Centre> centres = new ArrayList<>();
    public final List<Participant> participants = new ArrayList<>();
    public final List<Group> groups = new ArrayList<>();

    /**
     * @param asOf the day the city is "now": closed groups lie before it, running ones straddle it
     */
    public CityPlan(int centreCount, int participantCount, int groupCount, long seed, LocalDate asOf) {
        if (centreCount < 1 || participantCount < 0 || groupCount < 0) {
            throw new IllegalArgumentException("centres must be at least 1, participants and groups not negative");
        }
        Random random = new Random(seed);
        for (int c = 0; c < centreCount; c++) {
            String district = DISTRICTS[c % DISTRICTS.length];
            String street = STREETS[(c / DISTRICTS.length) % STREETS.length];
            String[] neighbourhoods = new String[4];
            for (int n = 0; n < neighbourhoods.length; n++) {
                neighbourhoods[n] = street + STREETS[random.nextInt(STREETS.length)] + ESTATES[random.nextInt(ESTATES.length)];
            }
            centres.add(new Centre(c, String.format("%s%s街长者服务中心 %03d（生成·种子 %d）", district, street, c + 1, seed),
                    district, neighbourhoods));
        }
        List<List<Integer>> eligibleByCentre = new ArrayList<>();
        centres.forEach(c -> eligibleByCentre.add(new ArrayList<>()));
        for (int i = 0; i < participantCount; i++) {
            // every person from their own seeded stream, so a person does not depend on thread timing
            Synthetic people = new Synthetic(new Random(seed * 1_000_003L + i));
            int centre = random.nextInt(centreCount);
            Person person = people.anyone(centres.get(centre).neighbourhoods());
            double r = random.nextDouble();
            Integer score = r < 0.05 ? null : r < 0.78 ? ELIGIBLE_FROM + random.nextInt(4) : 3 + random.nextInt(3);
            Participant p = new Participant(i, centre, person, score);
            participants.add(p);
            if (p.eligible()) {
                eligibleByCentre.get(centre).add(i);
            }
        }
        List<List<Integer>> groupsByCentre = new ArrayList<>();
        centres.forEach(c -> groupsByCentre.add(new ArrayList<>()));
        for (int g = 0; g < groupCount; g++) {
            groupsByCentre.get(g % centreCount).add(g);
        }
        Group[] planned = new Group[groupCount];
        for (int c = 0; c < centreCount; c++) {
            List<Integer> eligible = eligibleByCentre.get(c);
            Collections.shuffle(eligible, random);
            List<Integer> groupIndexes = groupsByCentre.get(c);
            int next = 0;
            for (int k = 0; k < groupIndexes.size(); k++) {
                int g = groupIndexes.get(k);
                int remainingGroups = groupIndexes.size() - k;
                int capacityMax = 8 + random.nextInt(5);
                int size = Math.min(capacityMax + random.nextInt(3),
                        (eligible.size() - next + remainingGroups - 1) / remainingGroups);
                List<Integer> members = eligible.subList(next, next + size);
                next += size;
                planned[g] = group(g, c, capacityMax, members, random, asOf, seed);
            }
        }
        groups.addAll(List.of(planned));
    }

    private static Group group(int g, int centre, int capacityMax, List<Integer> members, Random random, LocalDate asOf,
            long seed) {
        boolean adjustment = random.nextDouble() < 0.6;
        int sessions = adjustment ? 6 : 8;
        double r = random.nextDouble();
        int capacityMin = Math.max(1, Math.min(4, members.size()));
        Stage stage = members.isEmpty() || r < 0.1 ? Stage.RECRUITING : r < 0.3 ? Stage.RUNNING : Stage.CLOSED;
        LocalDate first;
        int held;
        if (stage == Stage.CLOSED) {
            // any weekday in the two years before the last programme had to end
            long span = java.time.temporal.ChronoUnit.DAYS.between(asOf.minusYears(2), asOf.minusWeeks(sessions + 1));
            first = weekday(asOf.minusYears(2).plusDays(random.nextInt((int) span)));
            held = sessions;
        } else if (stage == Stage.RUNNING) {
            held = 1 + random.nextInt(sessions - 1);
            first = weekday(asOf.minusWeeks(held).plusDays(1));
        } else {
            held = 0;
            first = weekday(asOf.plusDays(7 + random.nextInt(28)));
        }
        List<Seat> seats = new ArrayList<>();
        for (int participant : members) {
            double attendance = random.nextDouble() < 0.15 ? 0.6 : 0.92;
            boolean leaves = held > 1 && random.nextDouble() < 0.08;
            seats.add(new Seat(participant, attendance, leaves ? random.nextInt(held - 1) : -1,
                    leaves ? LEAVE_REASONS[random.nextInt(LEAVE_REASONS.length)] : null));
        }
        String name = (adjustment ? "独居长者六节调适小组" : "精神慰藉互助小组") + " 第" + (g + 1) + "期";
        return new Group(g, centre, name, adjustment ? "ADJUSTMENT_6" : "SPIRITUAL_COMFORT_8",
                adjustment ? "SUPPORT_GROUP" : "MUTUAL_AID_GROUP", sessions, first,
                START_TIMES[random.nextInt(START_TIMES.length)], capacityMin, capacityMax, stage, held, seats,
                seed * 31 + g);
    }

    private static final String[] LEAVE_REASONS = { "HEALTH", "HEALTH", "CARING_DUTIES", "TRANSPORT", "LOST_INTEREST",
            "SCHEDULE_CONFLICT", "MOVED_AWAY" };

    /** The day itself on Monday to Friday, else the Monday after. */
    static LocalDate weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }
}

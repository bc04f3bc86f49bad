package org.peercircle.tools.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic but realistic people of a Chinese city (the default is Guangzhou): names of the generation now in
 * their sixties to eighties, mainland mobile numbers, neighbourhoods, and for old drifters (老漂族) the hometowns
 * and dialects they came with. Everything comes from the given {@link Random}, so a fixed seed gives the same
 * people every time. Any likeness to a real person or phone number is chance.
 */
public final class Synthetic {

    /** Common surnames, the most frequent first and listed more than once to weigh them. */
    private static final String[] SURNAMES = {
            "王", "王", "王", "李", "李", "李", "张", "张", "张", "刘", "刘", "陈", "陈", "杨", "杨", "黄", "黄", "赵",
            "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许",
            "邓", "冯", "韩", "曹", "曾", "彭", "萧", "蔡", "潘", "田", "董", "袁", "于", "余", "叶", "蒋", "杜", "苏",
            "魏", "程", "吕", "丁", "沈", "任", "姚", "卢", "钟", "姜", "崔", "谭", "廖", "范", "汪", "陆", "金", "石",
            "戴", "贾", "韦", "夏", "邱", "方", "侯", "邹", "熊", "孟", "秦", "白", "江", "阎", "薛", "尹", "段", "雷",
            "黎", "史", "龙", "陶", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "赖", "覃", "洪", "武", "莫",
            "欧阳", "司马" };
    private static final String[] FEMALE_NAMES = {
            "秀英", "桂英", "秀兰", "玉兰", "桂兰", "秀珍", "凤英", "玉珍", "玉英", "兰英", "玉梅", "淑珍", "桂珍",
            "凤兰", "素珍", "秀云", "桂芳", "淑英", "秀芳", "玉芳", "翠英", "金凤", "美华", "月娥", "丽华", "素芬",
            "淑芬", "玉莲", "翠兰", "爱华", "彩霞", "惠珍", "瑞英", "春花", "冬梅", "爱珍", "荷花", "桂香", "金莲",
            "月英", "玉琴", "巧云", "素梅", "腊梅", "银娣", "少芬", "丽娟", "亚娣", "细妹", "娟", "英", "兰", "芳" };
    private static final String[] MALE_NAMES = {
            "建国", "建华", "国华", "国强", "志强", "德明", "文华", "振华", "建军", "永福", "德胜", "保国", "长生",
            "志明", "海清", "玉林", "树林", "庆丰", "福全", "永强", "国庆", "德华", "春生", "金水", "炳坤", "耀祖",
            "锦棠", "伟民", "卫东", "红军", "解放", "援朝", "新民", "光明", "继承", "家驹", "润生", "达明", "汉生",
            "福生", "水生", "根生", "兴旺", "明", "刚", "勇", "强", "军", "华" };
    /** Prefixes of mainland mobile numbers (1[3-9]x). */
    private static final String[] MOBILE_PREFIXES = {
            "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158", "159", "177", "180",
            "186", "187", "188", "189", "198", "199" };
    /** Where Guangzhou's old drifters come from, with the dialect they speak. */
    private static final String[][] HOMETOWNS = {
            { "湖南省", "衡阳市", "湘语" }, { "湖南省", "邵阳市", "湘语" }, { "湖南省", "永州市", "湘语" },
            { "江西省", "赣州市", "客家话" }, { "江西省", "吉安市", "赣语" }, { "河南省", "周口市", "河南话" },
            { "河南省", "信阳市", "河南话" }, { "四川省", "南充市", "四川话" }, { "四川省", "达州市", "四川话" },
            { "重庆市", "万州区", "重庆话" }, { "广西壮族自治区", "桂林市", "桂柳话" }, { "湖北省", "黄冈市", "湖北话" },
            { "湖北省", "荆州市", "湖北话" }, { "广东省", "梅州市", "客家话" }, { "广东省", "湛江市", "雷州话" },
            { "黑龙江省", "齐齐哈尔市", "东北话" }, { "山东省", "临沂市", "山东话" }, { "安徽省", "阜阳市", "江淮官话" } };
    private static final String[] INTERESTS = {
            "广场舞", "太极", "书法", "象棋", "唱粤剧", "种菜", "钓鱼", "做饭", "织毛衣", "听收音机", "散步", "打麻将",
            "唱红歌", "养花", "剪纸", "看戏", "拍照", "跳健身操", "下跳棋", "讲故事" };
    private static final String[] HEALTH_NOTES = {
            "高血压，按时服药", "糖尿病，饮食需清淡", "冠心病，随身带药", "睡眠不好，常失眠", "胃不好，少吃辛辣",
            "轻度骨质疏松" };
    private static final String[] MOBILITY_NOTES = {
            "膝关节不好，上下楼需要扶手", "走路需要拐杖", "耳背，说话要大声、放慢", "视力较差，表格需读给她听",
            "腰椎不好，不宜久坐" };

    private final Random random;

    public Synthetic(Random random) {
        this.random = random;
    }

    public Random random() {
        return random;
    }

    static int surnameLength(String fullName) {
        return fullName.startsWith("欧阳") || fullName.startsWith("司马") ? 2 : 1;
    }

    public String surname() {
        return pick(SURNAMES);
    }

    public String name(String gender) {
        return name(surname(), gender);
    }

    public String name(String surname, String gender) {
        return surname + pick(gender.equals("FEMALE") ? FEMALE_NAMES : MALE_NAMES);
    }

    public String gender(double femaleShare) {
        return random.nextDouble() < femaleShare ? "FEMALE" : "MALE";
    }

    public String mobile() {
        StringBuilder number = new StringBuilder(pick(MOBILE_PREFIXES));
        while (number.length() < 11) {
            number.append(random.nextInt(10));
        }
        return number.toString();
    }

    public LocalDate birthDate(int fromYear, int toYear) {
        return LocalDate.of(fromYear + random.nextInt(toYear - fromYear + 1), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    /**
     * An old drifter: retired elsewhere and moved to the city to look after grandchildren or join their
     * children, at or after retirement age (so participant-service derives migrant = true).
     */
    public Person oldDrifter(String[] neighbourhoods, String referralSource) {
        String gender = gender(0.75);
        LocalDate born = birthDate(1948, 1962);
        int retired = born.getYear() + (gender.equals("FEMALE") ? 50 : 60);
        int moved = Math.max(retired, 2012 + random.nextInt(12));
        String[] home = pick(HOMETOWNS);
        boolean grandchildren = random.nextDouble() < 0.8;
        String surname = surname();
        String[] contact = child(surname);
        Set<String> dialects = new LinkedHashSet<>(List.of(home[2]));
        if (random.nextDouble() < 0.6) {
            dialects.add("普通话");
        }
        return new Person(name(surname, gender), gender, born, mobile(), pick(neighbourhoods),
                grandchildren ? "WITH_GRANDCHILDREN" : "WITH_CHILDREN", home[0], home[1], moved,
                grandchildren ? "CARING_FOR_GRANDCHILDREN" : "JOINING_CHILDREN", List.copyOf(dialects), interests(2),
                maybe(0.2, MOBILITY_NOTES), maybe(0.5, HEALTH_NOTES), contact[0], contact[1], mobile(),
                referralSource);
    }

    /** An older person living alone in a village: local, Cantonese or Hakka, children working in the city. */
    public Person villagerLivingAlone(String[] neighbourhoods, String referralSource) {
        String gender = gender(0.65);
        LocalDate born = birthDate(1936, 1956);
        String surname = surname();
        String[] contact = child(surname);
        return new Person(name(surname, gender), gender, born, mobile(), pick(neighbourhoods), "ALONE", null, null, null,
                null, List.of(random.nextDouble() < 0.7 ? "粤语" : "客家话"), interests(1), maybe(0.35, MOBILITY_NOTES),
                maybe(0.6, HEALTH_NOTES), contact[0], contact[1], mobile(), referralSource);
    }

    /** A city resident living alone (widowed, children elsewhere). */
    public Person cityResidentLivingAlone(String[] neighbourhoods, String referralSource) {
        String gender = gender(0.7);
        LocalDate born = birthDate(1938, 1958);
        String surname = surname();
        String[] contact = child(surname);
        return new Person(name(surname, gender), gender, born, mobile(), pick(neighbourhoods), "ALONE", null, null, null,
                null, List.of("粤语", "普通话"), interests(2), maybe(0.25, MOBILITY_NOTES), maybe(0.5, HEALTH_NOTES),
                contact[0], contact[1], mobile(), referralSource);
    }

    /** Anyone a centre might see: a mix of old drifters, people living alone and couples. */
    public Person anyone(String[] neighbourhoods) {
        String source = pick(new String[] { "SELF", "FAMILY", "NEIGHBOUR", "COMMUNITY_WORKER", "COMMUNITY_WORKER",
                "HOSPITAL", "CITY_PLATFORM" });
        double kind = random.nextDouble();
        if (kind < 0.35) {
            return oldDrifter(neighbourhoods, source);
        }
        if (kind < 0.7) {
            return cityResidentLivingAlone(neighbourhoods, source);
        }
        Person p = cityResidentLivingAlone(neighbourhoods, source);
        String living = random.nextBoolean() ? "WITH_SPOUSE" : "WITH_CHILDREN";
        return new Person(p.fullName(), p.gender(), p.birthDate(), p.phone(), p.neighbourhood(), living, null, null, null,
                null, p.dialects(), p.interests(), p.mobilityNotes(), p.healthNotes(), p.contactName(),
                p.contactRelation(), p.contactPhone(), p.referralSource());
    }

    public int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    public <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private List<String> interests(int atMost) {
        Set<String> chosen = new LinkedHashSet<>();
        int n = 1 + random.nextInt(atMost);
        while (chosen.size() < n) {
            chosen.add(pick(INTERESTS));
        }
        return new ArrayList<>(chosen);
    }

    private String maybe(double chance, String[] values) {
        return random.nextDouble() < chance ? pick(values) : null;
    }

    /** A grown-up child as emergency contact: name and relation (女儿 / 儿子). */
    private String[] child(String surname) {
        String gender = gender(0.5);
        return new String[] { name(surname, gender), gender.equals("FEMALE") ? "女儿" : "儿子" };
    }
}

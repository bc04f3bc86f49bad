package org.peercircle.session.record;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The controlled list of themes a session touched on; the codes travel in {@code session.completed.v1} so
 * reporting can count them (free text never does).
 */
public enum ThemeTag {
    LONELINESS("loneliness", "孤独感", "Loneliness"),
    FAMILY("family", "家庭关系", "Family"),
    HEALTH("health", "健康", "Health"),
    PEER_SUPPORT("peer-support", "同伴支持", "Peer support"),
    TECHNOLOGY("technology", "科技使用", "Technology"),
    HOMESICKNESS("homesickness", "思乡", "Homesickness"),
    GRANDCHILD_CARE("grandchild-care", "照顾孙辈", "Caring for grandchildren"),
    INTERGENERATIONAL("intergenerational", "代际关系", "Between generations"),
    BEREAVEMENT("bereavement", "丧亲哀伤", "Bereavement"),
    LEISURE("leisure", "休闲兴趣", "Leisure and pastimes"),
    COMMUNICATION("communication", "沟通交往", "Communication"),
    COMMUNITY_PARTICIPATION("community-participation", "社区参与", "Community participation"),
    SELF_CARE("self-care", "自我照顾", "Self-care");

    private final String code;
    private final String zh;
    private final String en;

    ThemeTag(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    @JsonCreator
    public static ThemeTag of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + code + "' is not one of " + Arrays.toString(values())));
    }

    @Override
    public String toString() {
        return code;
    }
}

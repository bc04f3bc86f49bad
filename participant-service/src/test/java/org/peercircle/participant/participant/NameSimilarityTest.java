package org.peercircle.participant.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameSimilarityTest {

    @Test
    void identicalNamesAreSimilarWhateverTheSpacingOrWidth() {
        assertThat(NameSimilarity.similar("王秀英", "王秀英")).isTrue();
        assertThat(NameSimilarity.similar("王 秀英", "王秀英")).isTrue();
        assertThat(NameSimilarity.similar("王\u3000秀英", "王秀英")).isTrue();   // full-width space
        assertThat(NameSimilarity.similar("Wang Xiuying", "wangxiuying")).isTrue();
        assertThat(NameSimilarity.similar("ＷＡＮＧ", "wang")).isTrue();         // full-width Latin letters
    }

    @Test
    void oneCharacterSlipInAChineseNameIsSimilar() {
        assertThat(NameSimilarity.similar("王秀英", "王秀瑛")).as("homophone").isTrue();
        assertThat(NameSimilarity.similar("王秀英", "汪秀英")).as("surname homophone").isTrue();
        assertThat(NameSimilarity.similar("王英", "王秀英")).as("dropped character").isTrue();
        assertThat(NameSimilarity.similar("欧阳秀英", "欧阳秀瑛")).as("four characters").isTrue();
        assertThat(NameSimilarity.similar("李芳", "李方")).as("two characters").isTrue();
    }

    @Test
    void twoDifferentCharactersAreDifferentPeople() {
        assertThat(NameSimilarity.similar("王秀英", "王美华")).isFalse();
        assertThat(NameSimilarity.similar("陈美华", "张美兰")).isFalse();
        assertThat(NameSimilarity.similar("李芳", "张红")).isFalse();
    }

    @Test
    void countsCharactersNotBytesOrUtf16Units() {
        // 𠀋 lies outside the BMP (two UTF-16 units): still one character
        assertThat(NameSimilarity.editDistance("王𠀋英", "王秀英")).isEqualTo(1);
        assertThat(NameSimilarity.similar("王𠀋英", "王秀英")).isTrue();
    }

    @Test
    void longerNamesAllowTwoEditsAndMiddleDotsDoNotCount() {
        assertThat(NameSimilarity.similar("阿依古丽·买买提", "阿依古丽买买提")).isTrue();
        assertThat(NameSimilarity.similar("Maria Chen", "Marie Chan")).isTrue();
        assertThat(NameSimilarity.similar("Maria Chen", "Mario Chun Li")).isFalse();
    }

    @Test
    void singleCharactersAndBlanksNeverMatchLoosely() {
        assertThat(NameSimilarity.similar("王", "李")).isFalse();
        assertThat(NameSimilarity.similar("王", "王秀")).isFalse();
        assertThat(NameSimilarity.similar(" ", " ")).isFalse();
        assertThat(NameSimilarity.similar(null, "王秀英")).isFalse();
    }
}

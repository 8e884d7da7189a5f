package no.kraft.cis.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import no.kraft.cis.delivery.sms.SmsParts.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsPartsTest {

    @Test
    void theDefaultAlphabetHas127CharactersBesideTheEscapeAndTheExtensionTable10() {
        assertThat(SmsParts.GSM_7_BASIC).hasSize(127);
        assertThat(SmsParts.GSM_7_BASIC.chars().distinct().count()).isEqualTo(127);
        assertThat(SmsParts.GSM_7_EXTENSION).hasSize(10);
    }

    @Test
    void norwegianLettersAreInGsm7() {
        assertThat(SmsParts.of("Blåbærsyltetøy fra Ærøy og Østre Åsen")).isEqualTo(new SmsParts(Encoding.GSM_7, 37, 1));
    }

    @Test
    void aNonBreakingSpaceAnEnDashOrATypographicMinusMakeItUcs2() {
        assertThat(SmsParts.of("1\u00a0061,09 kr").encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(SmsParts.of("april–mai").encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(SmsParts.of("−5,00").encoding()).isEqualTo(Encoding.UCS_2);
    }

    @ParameterizedTest(name = "{0} × ''a'' → {1} part(s)")
    @CsvSource({"0, 1", "1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4", "918, 6", "919, 7"})
    void gsm7(int n, int parts) {
        assertThat(SmsParts.of("a".repeat(n))).isEqualTo(new SmsParts(Encoding.GSM_7, n, parts));
    }

    @ParameterizedTest(name = "{0} × ''д'' → {1} part(s)")
    @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3", "402, 6", "403, 7"})
    void ucs2(int n, int parts) {
        assertThat(SmsParts.of("д".repeat(n))).isEqualTo(new SmsParts(Encoding.UCS_2, n, parts));
    }

    @Test
    void anExtensionCharacterTakesTwoSeptets() {
        assertThat(SmsParts.of("a".repeat(158) + "€")).isEqualTo(new SmsParts(Encoding.GSM_7, 160, 1));
        assertThat(SmsParts.of("a".repeat(159) + "€")).isEqualTo(new SmsParts(Encoding.GSM_7, 161, 2));
        assertThat(SmsParts.of("{}[]~^|\\\f€")).isEqualTo(new SmsParts(Encoding.GSM_7, 20, 1));
    }

    @Test
    void anEscapePairIsNotSplitAcrossParts() {
        // 152 + 2 + 152 = 306 septets would fit two parts of 153, but the € cannot start in the first part's last
        // septet: part 1 is 152 septets, part 2 the € and 151 a's, part 3 the last a
        assertThat(SmsParts.of("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(new SmsParts(Encoding.GSM_7, 306, 3));
    }

    @Test
    void aSurrogatePairIsNotSplitAcrossParts() {
        String smiley = "\uD83D\uDE00";
        // 66 + 2 + 66 = 134 units would fit two parts of 67; the pair goes whole into part 2
        assertThat(SmsParts.of("д".repeat(66) + smiley + "д".repeat(66))).isEqualTo(new SmsParts(Encoding.UCS_2, 134, 3));
        assertThat(SmsParts.of("д".repeat(68) + smiley)).isEqualTo(new SmsParts(Encoding.UCS_2, 70, 1));
    }

    @Test
    void ucs2CountsAGsm7TextAsUcs2() {
        assertThat(SmsParts.ucs2("a".repeat(71))).isEqualTo(new SmsParts(Encoding.UCS_2, 71, 2));
    }

    @Test
    void everyBasicCharacterIsOneSeptet() {
        String all = SmsParts.GSM_7_BASIC.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
        assertThat(SmsParts.of(all)).isEqualTo(new SmsParts(Encoding.GSM_7, 127, 1));
    }
}

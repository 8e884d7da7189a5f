package no.kraft.cis.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.kraft.cis.delivery.sms.SmsParts.Encoding;

class SmsPartsPropertyTest {

    /** Any text of n characters from GSM-7's default alphabet: one part up to 160, else ⌈n / 153⌉. */
    @Property(tries = 500)
    void gsm7TextOfNCharacters(@ForAll("gsm7Basic") String text) {
        int n = text.length();
        SmsParts parts = SmsParts.of(text);
        assertThat(parts.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(parts.units()).isEqualTo(n);
        assertThat(parts.count()).isEqualTo(n <= 160 ? 1 : (n + 152) / 153);
    }

    /** Any text of n characters outside GSM-7's alphabets (none of them surrogates): one part up to 70, else ⌈n / 67⌉. */
    @Property(tries = 500)
    void ucs2TextOfNCharacters(@ForAll("ucs2") String text) {
        int n = text.length();
        SmsParts parts = SmsParts.of(text);
        assertThat(parts.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(parts.count()).isEqualTo(n <= 70 ? 1 : (n + 66) / 67);
    }

    /** With extension characters a GSM-7 text takes at least ⌈septets / 153⌉ parts, and at most one more per escape. */
    @Property(tries = 300)
    void gsm7WithExtensionCharacters(@ForAll("gsm7Any") String text) {
        long escapes = text.chars().filter(c -> SmsParts.GSM_7_EXTENSION.indexOf(c) >= 0).count();
        SmsParts parts = SmsParts.of(text);
        assertThat(parts.units()).isEqualTo(text.length() + escapes);
        int atLeast = parts.units() <= 160 ? 1 : (parts.units() + 152) / 153;
        assertThat(parts.count()).isBetween(atLeast, (int) (atLeast + escapes));
    }

    @Provide
    Arbitrary<String> gsm7Basic() {
        return ofAnyLength(Arbitraries.strings().withChars(SmsParts.GSM_7_BASIC.toCharArray()), 0, 1200);
    }

    @Provide
    Arbitrary<String> gsm7Any() {
        return ofAnyLength(Arbitraries.strings().withChars((SmsParts.GSM_7_BASIC + SmsParts.GSM_7_EXTENSION).toCharArray()), 0, 1200);
    }

    @Provide
    Arbitrary<String> ucs2() {
        // Cyrillic, Greek lower case and the en dash: none in GSM-7 (its Greek letters are capitals)
        return ofAnyLength(Arbitraries.strings().withCharRange('\u0430', '\u044f').withCharRange('\u03b1', '\u03c9').withChars('–'), 1, 600);
    }

    // lengths drawn evenly (jqwik's own favour short strings), so the few lengths where one more part starts are met
    private static Arbitrary<String> ofAnyLength(net.jqwik.api.arbitraries.StringArbitrary strings, int min, int max) {
        return Arbitraries.integers().between(min, max).withoutEdgeCases().flatMap(n -> strings.ofLength(n));
    }
}

package no.kraft.cis.delivery.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.sms.SmsParts;
import no.kraft.cis.receivables.NoticeKind;
import org.junit.jupiter.api.Test;

/** The words of the dunning notices, pure: what each says, the § 9 text, the reminder SMS in GSM-7. */
class DunningLettersTest {

    static final InvoiceDocument.Seller SELLER = new InvoiceDocument.Seller("Kraft Demo AS", "923456789", "Kraftveien 1", "0150", "Oslo",
            "15032080119", "kundeservice@kraft.example", "22 00 00 00", "https://kraft.example");
    static final InvoiceDocument.Buyer BUYER = new InvoiceDocument.Buyer(1000042, "Kari Nordmann", null, "Storgata 1", "0155", "Oslo",
            "kari@example.no", "91234567");

    static DunningLetters.Notice notice(NoticeKind kind, String interest, String note) {
        // 1 234.50 open, fee 37.50 → 1 272.00 to pay by 17 Apr 2026
        return new DunningLetters.Notice(kind, 100042, LocalDate.of(2026, 4, 3), "10000420001000421", LocalDate.of(2026, 3, 20),
                new BigDecimal("1234.50"), kind == NoticeKind.FRIENDLY_REMINDER ? new BigDecimal("0.00") : new BigDecimal("37.50"),
                interest == null ? null : new BigDecimal(interest), false, note,
                kind == NoticeKind.FRIENDLY_REMINDER ? null : LocalDate.of(2026, 4, 17),
                kind == NoticeKind.FRIENDLY_REMINDER ? new BigDecimal("1234.50") : new BigDecimal("1272.00"));
    }

    @Test
    void thePurringLetterShowsAmountFeeInterestDeadlineKidAndAccount() {
        String html = DunningLetters.classpath().letter(notice(NoticeKind.PURRING, "5.68", null), SELLER, BUYER).replace('\u00a0', ' ');
        assertThat(html).contains("Betalingspåminnelse (purring)").contains("1 234,50").contains("Purregebyr").contains("37,50")
                .contains("5,68").contains("1 272,00").contains("17.04.2026").contains("10000420001000421").contains("1503.20.80119")
                .contains("(ikke krevd nå)").doesNotContain("inkassoloven");
    }

    @Test
    void theInkassovarselSaysSoUnderSection9AndThatCollectionFollows() {
        String html = DunningLetters.classpath().letter(notice(NoticeKind.INKASSOVARSEL, "9.73", null), SELLER, BUYER);
        assertThat(html).contains("Inkassovarsel").contains("inkassovarsel etter inkassoloven § 9")
                .contains("Betales ikke kravet innen fristen, vil det bli sendt til inkasso");
        assertThat(DunningLetters.emailText(notice(NoticeKind.INKASSOVARSEL, "9.73", null), SELLER, BUYER))
                .contains("inkassoloven § 9").contains("senest 17.04.2026");
    }

    @Test
    void aMissingRateIsSaidNotGuessed() {
        String note = "Forsinkelsesrente er ikke beregnet: satsen for halvåret fra 2026-07-01 er ikke fastsatt ennå. Renten kommer i tillegg.";
        String html = DunningLetters.classpath().letter(notice(NoticeKind.PURRING, null, note), SELLER, BUYER);
        assertThat(html).contains("ikke beregnet").contains("2026-07-01");
        assertThat(DunningLetters.emailText(notice(NoticeKind.PURRING, null, note), SELLER, BUYER)).contains(note);
    }

    @Test
    void anUnknownMergeFieldIsRefusedWhenTheTemplateIsLoaded() {
        assertThatThrownBy(() -> DunningLetters.load("<p>{{amount}} {{amuont}}</p>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amuont");
    }

    @Test
    void theReminderEmailAndSms() {
        DunningLetters.Notice reminder = notice(NoticeKind.FRIENDLY_REMINDER, "0.00", null);
        assertThat(DunningLetters.subject(reminder, SELLER)).isEqualTo("Påminnelse: faktura 100042 fra Kraft Demo AS");
        assertThat(DunningLetters.emailText(reminder, SELLER, BUYER)).contains("forfaller i dag (20.03.2026)").contains("1 234,50 kr")
                .doesNotContain("gebyr");
        assertThat(DunningLetters.sms(reminder, SELLER)).isEqualTo("Kraft Demo AS: Vennlig påminnelse - faktura 100042 på 1 234,50 kr "
                + "forfaller i dag. Konto 1503.20.80119, KID 10000420001000421. Har du betalt, se bort fra denne.");
    }

    @Property(tries = 300)
    void theReminderSmsIsGsm7InAtMostTwoParts(@ForAll @LongRange(min = 1, max = 99_999_999_999L) long invoiceNumber,
            @ForAll @LongRange(min = 1, max = 9_999_999_999L) long ore) {
        DunningLetters.Notice n = new DunningLetters.Notice(NoticeKind.FRIENDLY_REMINDER, invoiceNumber, LocalDate.of(2026, 3, 20),
                "1234567890123456789012345", LocalDate.of(2026, 3, 20), BigDecimal.valueOf(ore, 2), new BigDecimal("0.00"), null, false,
                null, null, BigDecimal.valueOf(ore, 2));
        String text = DunningLetters.sms(n, SELLER);
        assertThat(SmsParts.isGsm7(text)).as(text).isTrue();
        assertThat(SmsParts.of(text).count()).as(text).isLessThanOrEqualTo(2);
    }
}

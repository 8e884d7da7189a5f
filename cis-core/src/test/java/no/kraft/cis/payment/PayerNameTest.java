package no.kraft.cis.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Banks write payer names their own way; the customer is still recognised, and only by the same words. */
class PayerNameTest {

    @Test
    void sameWordsInAnyOrderCaseAndAccents() {
        assertThat(PayerName.of("NORDMANN KARI").sameAs("kari nordmann")).isTrue();
        assertThat(PayerName.of("Ødegård, Søren").sameAs("soren odegard")).isTrue();
        assertThat(PayerName.of("KAFFEBRENNERIET AS").sameAs("kaffebrenneriet as")).isTrue();
    }

    @Test
    void anAbbreviationOrAnotherPersonIsNotTheCustomer() {
        assertThat(PayerName.of("K NORDMANN").sameAs("kari nordmann")).isFalse();
        assertThat(PayerName.of("NORDMANN OLA").sameAs("kari nordmann")).isFalse();
        assertThat(PayerName.of("NORDMANN KARI OLSEN").sameAs("kari nordmann")).isFalse();
        assertThat(PayerName.of(null).sameAs("")).as("no name identifies no one").isFalse();
    }
}

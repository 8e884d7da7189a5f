package no.kraft.cis.delivery.ehf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EhfValidatorTest {

    @Test
    void thereIsOneValidatorForTheJvm() {
        assertThat(EhfValidator.shared()).isSameAs(EhfValidator.shared());
    }

    @Test
    void theRuleSetIsPinnedToPeppol202511() {
        assertThat(EhfValidator.RULE_SET_VERSION).isEqualTo("2025.11");
    }

    @Test
    void oneValidatorServesSeveralThreadsAtOnce() throws Exception {
        byte[] invoice = EhfDocuments.xml(EhfDocuments.invoice(EhfTestData.powerInvoice()));
        byte[] creditNote = EhfDocuments.xml(EhfDocuments.creditNote(EhfTestData.creditNote()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EhfValidation>> results = IntStream.range(0, 12)
                    .mapToObj(i -> pool.submit(() -> EhfValidator.shared().validate(i % 2 == 0 ? invoice : creditNote)))
                    .toList();
            for (Future<EhfValidation> result : results) {
                assertThat(result.get().failures()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rough timings for the README, printed, never asserted: machines differ. */
    @Test
    void printsHowLongTheRegistryAndOneValidationTake() {
        long start = System.nanoTime();
        EhfValidator validator = EhfValidator.shared();
        long registry = System.nanoTime() - start;
        byte[] xml = EhfDocuments.xml(EhfDocuments.invoice(EhfTestData.powerInvoice()));
        start = System.nanoTime();
        EhfValidation first = validator.validate(xml);
        long firstValidation = System.nanoTime() - start;
        int rounds = 20;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            validator.validate(xml);
        }
        long warm = (System.nanoTime() - start) / rounds;

        System.out.printf("EHF timing: shared() %d ms (0 if another test built it first), validation %d ms (first in this test;"
                + " includes compiling the XSLTs if no test validated before), then %d ms per 8-line invoice%n",
                registry / 1_000_000, firstValidation / 1_000_000, warm / 1_000_000);
        assertThat(first.valid()).isTrue();
    }
}

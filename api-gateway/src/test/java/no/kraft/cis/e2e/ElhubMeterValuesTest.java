package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import no.kraft.cis.elhub.inbound.PollQueue;
import no.kraft.cis.elhub.standin.EmifPollStandIn;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Meter values from Elhub (BRS-NO-313) through the poller, against the EMIF poll stand-in over HTTP: stored before
 * acknowledged, applied once however often they come, corrections kept as revisions, failures in the exception queue.
 */
class ElhubMeterValuesTest extends ApiTest {

    @Autowired
    EmifPollStandIn elhub;

    private String point;

    @BeforeEach
    void aMeteringPointOfOurs() {
        drain();
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Nett AS"));
        point = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(point, "NO1", gridOwner, "35", "0301"))
                .status()).isEqualTo(201);
    }

    @Test
    void aMonthOfQuarterHoursIsPolledStoredAcknowledgedAndAppliedOnce() {
        // February 2026: 28 days × 96 quarter-hours of 0.250 kWh = 2 688 values, 672.000 kWh
        elhub.produceMeterValues(point, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), 15, 250);
        int acknowledgedBefore = elhub.acknowledgements();
        JsonNode round = poll();
        assertThat(round.at("/polls/0/queue").asString()).isEqualTo("METERING_VALUES");
        assertThat(round.at("/polls/0/batches").asInt()).isEqualTo(1);
        assertThat(round.at("/polls/0/stored").asInt()).isEqualTo(1);
        assertThat(round.at("/processed/applied").asInt()).isEqualTo(1);
        assertThat(elhub.acknowledgements()).isEqualTo(acknowledgedBefore + 1);
        assertThat(elhub.pending(PollQueue.METERING_VALUES)).isZero();

        Api.Response values = api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values?from=2026-02-01&to=2026-03-01");
        assertThat(values.json("/values")).hasSize(28 * 96);
        assertThat(values.json("/totalKwh").decimalValue()).isEqualByComparingTo(new BigDecimal("672.000"));
        assertThat(values.text("/values/0/quality")).isEqualTo("MEASURED");

        // the same batch served again under its Identification (a duplicate delivery): stored once, nothing applied twice
        elhub.repeatLastBatch(PollQueue.METERING_VALUES);
        JsonNode again = poll();
        assertThat(again.at("/polls/0/batches").asInt()).isEqualTo(1);
        assertThat(again.at("/polls/0/stored").asInt()).isZero();
        assertThat(again.at("/processed/applied").asInt()).isZero();
        assertThat(jdbc.sql("select served from elhub_poll_batch order by received_at desc limit 1").query(Integer.class).single()).isEqualTo(2);
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values/2026-02-10/revisions").json("")).isEmpty();
        // nothing more: an empty poll
        assertThat(poll().at("/polls/0/batches").asInt()).isZero();
    }

    @Test
    void aLostAcknowledgementBringsTheBatchBackAndItIsStoredAndAppliedOnce() {
        elhub.produceMeterValues(point, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3), 15, 100);
        elhub.loseNextAcknowledgement();
        JsonNode lost = poll();
        assertThat(lost.at("/polls/0/acknowledgementLost").asBoolean()).isTrue();
        assertThat(lost.at("/polls/0/stored").asInt()).isEqualTo(1);
        // stored before it was acknowledged, so it is applied although Elhub thinks we never took it
        assertThat(lost.at("/processed/applied").asInt()).isEqualTo(1);
        assertThat(elhub.pending(PollQueue.METERING_VALUES)).isEqualTo(1);

        JsonNode served = poll();
        assertThat(served.at("/polls/0/batches").asInt()).isEqualTo(1);
        assertThat(served.at("/polls/0/stored").asInt()).isZero();
        assertThat(served.at("/polls/0/acknowledgementLost").asBoolean()).isFalse();
        assertThat(elhub.pending(PollQueue.METERING_VALUES)).isZero();
        // 2 days × 96 × 0.100 kWh = 19.200 kWh, once
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values?from=2026-03-01&to=2026-03-03")
                .json("/totalKwh").decimalValue()).isEqualByComparingTo("19.200");
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values/2026-03-01/revisions").json("")).isEmpty();
    }

    @Test
    void anIncompleteDayIsStoredAndACorrectionReplacesOnlyItsIntervalKeepingARevision() {
        ZonedDateTime march5 = LocalDate.of(2026, 3, 5).atStartOfDay(NorwegianTime.ZONE);
        Instant registered = Instant.parse("2026-03-06T05:00:00Z");
        // the morning first: 00:00–12:00, 48 quarter-hours of 0.200 kWh
        elhub.enqueue(PollQueue.METERING_VALUES, elhub.meterValues(EmifPollStandIn.series(point, march5, 15, flat(48, 200), registered)));
        assertThat(poll().at("/processed/applied").asInt()).isEqualTo(1);
        String url = "/api/v1/metering-points/" + point + "/meter-values?from=2026-03-05&to=2026-03-06";
        assertThat(api.get(Role.BILLING, url).json("/values")).hasSize(48);
        assertThat(jdbc.sql("select complete from meter_value_day d join metering_point m on m.id = d.metering_point_id "
                + "where m.gsrn = :p and day = '2026-03-05'").param("p", point).query(Boolean.class).single()).isFalse();

        // the afternoon, then a correction of 08:00–08:15 registered a day later: 0.200 → 1.000 kWh
        elhub.enqueue(PollQueue.METERING_VALUES, elhub.meterValues(EmifPollStandIn.series(point, march5.plusHours(12), 15, flat(48, 300),
                registered.plusSeconds(3600))));
        elhub.enqueue(PollQueue.METERING_VALUES, elhub.meterValues(EmifPollStandIn.series(point, march5.plusHours(8), 15, flat(1, 1000),
                registered.plusSeconds(86_400))));
        JsonNode round = poll();
        assertThat(round.at("/processed/applied").asInt()).isEqualTo(2);
        JsonNode day = api.get(Role.BILLING, url).json("");
        assertThat(day.at("/values")).hasSize(96);
        // 47 × 0.200 + 1.000 + 48 × 0.300 = 9.400 + 1.000 + 14.400 = 24.800 kWh
        assertThat(day.at("/totalKwh").decimalValue()).isEqualByComparingTo("24.800");
        assertThat(day.at("/values/32/kwh").decimalValue()).isEqualByComparingTo("1.000");
        assertThat(jdbc.sql("select complete from meter_value_day d join metering_point m on m.id = d.metering_point_id "
                + "where m.gsrn = :p and day = '2026-03-05'").param("p", point).query(Boolean.class).single()).isTrue();
        // the versions before: the morning alone, then the whole day before the correction
        JsonNode revisions = api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values/2026-03-05/revisions").json("");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(1).at("/values")).hasSize(96);
        assertThat(revisions.get(1).at("/values/32/kwh").decimalValue()).isEqualByComparingTo("0.200");

        // the original morning again (registered earlier than the correction): nothing changes
        elhub.enqueue(PollQueue.METERING_VALUES, elhub.meterValues(EmifPollStandIn.series(point, march5, 15, flat(48, 200), registered)));
        assertThat(poll().at("/processed/applied").asInt()).isEqualTo(1);
        assertThat(api.get(Role.BILLING, url).json("/totalKwh").decimalValue()).isEqualByComparingTo("24.800");
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values/2026-03-05/revisions").json("")).hasSize(2);
    }

    @Test
    void aProfiledPointsPeriodVolumeIsStoredACorrectionReplacesItKeepingTheFirstAndAWithdrawalTakesItBack() {
        // BRS-NO-312: May 2026 read 12 340 → 12 790 kWh = 450.000 kWh Metered, registered 3 June
        ZonedDateTime may = LocalDate.of(2026, 5, 1).atStartOfDay(NorwegianTime.ZONE);
        ZonedDateTime june = LocalDate.of(2026, 6, 1).atStartOfDay(NorwegianTime.ZONE);
        Instant registered = Instant.parse("2026-06-03T05:00:00Z");
        elhub.enqueue(PollQueue.METERING_VALUES, elhub.meterValues(EmifPollStandIn.profiledSeries(point, may, june, "Metered", "450",
                "12340", "12790", registered)));
        JsonNode round = poll();
        assertThat(round.at("/processed/applied").asInt()).as(round.toString()).isEqualTo(1);
        String url = "/api/v1/metering-points/" + point + "/period-volumes?from=2026-05-01&to=2026-06-01";
        JsonNode stored = api.get(Role.CUSTOMER_SERVICE, url).json("");
        assertThat(stored.at("/totalKwhInForce").decimalValue()).isEqualByComparingTo("450.000");
        assertThat(stored.at("/volumes")).hasSize(1);
        assertThat(stored.at("/volumes/0/status").asString()).isEqualTo("METERED");
        assertThat(stored.at("/volumes/0/meterReadingEnd").decimalValue()).isEqualByComparingTo("12790");
        assertThat(stored.at("/volumes/0/start").asString()).isEqualTo("2026-04-30T22:00:00Z");
        // no interval values came of it: a profiled point is billed on the series Elhub profiles for it
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values?from=2026-05-01&to=2026-06-01")
                .json("/values")).isEmpty();

        // the grid company corrects the reading a day later: 12 340 → 12 760 = 420.000 kWh; the first is kept, not in force
        elhub.enqueue(PollQueue.METERING_VALUES, elhub.meterValues(EmifPollStandIn.profiledSeries(point, may, june, "Metered", "420",
                "12340", "12760", registered.plusSeconds(86_400))));
        // and the first registration once more (a resend): nothing changes
        elhub.enqueue(PollQueue.METERING_VALUES, elhub.meterValues(EmifPollStandIn.profiledSeries(point, may, june, "Metered", "450",
                "12340", "12790", registered)));
        assertThat(poll().at("/processed/applied").asInt()).isEqualTo(2);
        JsonNode corrected = api.get(Role.CUSTOMER_SERVICE, url).json("");
        assertThat(corrected.at("/totalKwhInForce").decimalValue()).isEqualByComparingTo("420.000");
        assertThat(corrected.at("/volumes")).hasSize(2);
        assertThat(corrected.at("/volumes/0/inForce").asBoolean()).isFalse();
        assertThat(corrected.at("/volumes/1/inForce").asBoolean()).isTrue();
        assertThat(corrected.at("/volumes/1/kwh").decimalValue()).isEqualByComparingTo("420.000");

        // BRS-NO-332: the period withdrawn — nothing in force for May
        elhub.enqueue(PollQueue.METERING_VALUES, elhub.meterValues(EmifPollStandIn.profiledSeries(point, may, june, "Withdrawn", null,
                null, null, registered.plusSeconds(2 * 86_400))));
        assertThat(poll().at("/processed/applied").asInt()).isEqualTo(1);
        JsonNode withdrawn = api.get(Role.CUSTOMER_SERVICE, url).json("");
        assertThat(withdrawn.at("/totalKwhInForce").decimalValue()).isEqualByComparingTo("0.000");
        assertThat(withdrawn.at("/volumes/2/status").asString()).isEqualTo("WITHDRAWN");
        // no kWh (null or left out of the JSON)
        assertThat(withdrawn.at("/volumes/2/kwh").isNull() || withdrawn.at("/volumes/2/kwh").isMissingNode()).isTrue();

        // bad input: a reversed range is a problem naming the field
        Api.Response reversed = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/period-volumes?from=2026-06-01&to=2026-05-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.raw()).contains("\"field\":\"to\"").contains("period.range");
    }

    @Test
    void aMessageForAPointWeDoNotKnowFailsAloneWithItsRawMessageInTheExceptionQueue() {
        String stranger = TestData.meteringPointId();
        elhub.produceMeterValues(stranger, LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 8), 15, 100);
        elhub.produceMeterValues(point, LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 8), 15, 100);
        JsonNode round = poll();
        assertThat(round.at("/processed/failed").asInt()).isEqualTo(1);
        assertThat(round.at("/processed/applied").asInt()).isEqualTo(1);
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values?from=2026-03-07&to=2026-03-08")
                .json("/values")).hasSize(96);

        JsonNode failed = null;
        for (JsonNode m : api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/inbound-messages?status=FAILED&limit=500").json("")) {
            if (m.at("/detail").asString().contains(stranger)) {
                failed = m;
            }
        }
        assertThat(failed).as("the failed message about " + stranger).isNotNull();
        assertThat(failed.at("/detail").asString()).contains("meteringPoint.unknown");
        assertThat(failed.at("/nextAttemptAt").isNull()).isFalse();
        JsonNode item = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items/" + failed.at("/workItemId").asLong()).json("");
        assertThat(item.at("/kind").asString()).isEqualTo("INBOUND_FAILED");
        assertThat(item.at("/request").asString()).contains("NotifyValidatedDataForBillingEnergy").contains(stranger);

        // the metering point is registered, and staff retry: applied, and the work item closes itself
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Nett AS"));
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(stranger, "NO1", gridOwner, "35", "0301"));
        JsonNode retried = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items/" + item.at("/id").asLong() + "/retry", json()).json("");
        assertThat(retried.at("/status").asString()).isEqualTo("RESOLVED");
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + stranger + "/meter-values?from=2026-03-07&to=2026-03-08")
                .json("/values")).hasSize(96);
    }

    @Test
    void aMessageWithoutAUuidAndABatchCutOffMidMessageFailAloneAndTheNextBatchIsApplied() {
        // an Identification that is no UUID: failed with the rule, not taken for a database failure
        String good = elhub.meterValues(EmifPollStandIn.series(point, LocalDate.of(2026, 3, 12).atStartOfDay(NorwegianTime.ZONE), 15,
                flat(96, 100), Instant.parse("2026-03-13T05:00:00Z")));
        elhub.enqueue(PollQueue.METERING_VALUES, good.replaceFirst("<abie:Identification>[0-9a-f-]{36}</abie:Identification>",
                "<abie:Identification>MSG-1</abie:Identification>"));
        JsonNode round = poll();
        assertThat(round.at("/processed/failed").asInt()).isEqualTo(1);
        // a batch whose message is cut off (not well-formed from there on): recorded once, the walk ends, the batch is done
        elhub.enqueue(PollQueue.METERING_VALUES, good.substring(0, good.length() / 2));
        JsonNode broken = poll();
        assertThat(broken.at("/processed/batches").asInt()).isEqualTo(1);
        assertThat(broken.at("/processed/failed").asInt()).isEqualTo(1);
        // and the next one is applied as if nothing had happened
        elhub.enqueue(PollQueue.METERING_VALUES, good);
        assertThat(poll().at("/processed/applied").asInt()).isEqualTo(1);
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values?from=2026-03-12&to=2026-03-13")
                .json("/values")).hasSize(96);
    }

    @Test
    void elhubDownLosesNothingAndASoapFaultIsForIt() {
        elhub.produceMeterValues(point, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10), 15, 100);
        elhub.down(true);
        try {
            JsonNode down = poll();
            assertThat(down.at("/unanswered")).hasSize(2);
            assertThat(down.at("/polls")).isEmpty();
        } finally {
            elhub.down(false);
        }
        assertThat(poll().at("/processed/applied").asInt()).isEqualTo(1);

        // our signature no longer verifies (a certificate Elhub does not know): a SOAP fault, an integration error
        var other = no.kraft.cis.elhub.maskinporten.SigningKey.generated();
        elhub.produceMeterValues(point, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 11), 15, 100);
        java.security.PublicKey key = keyOfTheApplication();
        elhub.registerClientKey(other.publicKey(), "7080000923168");
        try {
            JsonNode refused = poll();
            assertThat(refused.at("/unanswered/0").asString()).contains("SOAP fault").contains("Security");
            JsonNode items = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?status=OPEN").json("");
            assertThat(items.findValuesAsString("kind")).contains("INTEGRATION_ERROR");
            // one item per queue; a second round with the same faults opens no more
            poll();
            assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?status=OPEN").json("").findValuesAsString("summary")
                    .stream().filter(s -> s.contains("Security")).count()).isEqualTo(2);
            assertThat(elhub.pending(PollQueue.METERING_VALUES)).isEqualTo(1);
        } finally {
            elhub.registerClientKey(key, "7080000923168");
        }
        assertThat(poll().at("/processed/applied").asInt()).isEqualTo(1);
    }

    @Autowired
    no.kraft.cis.elhub.maskinporten.SigningKey signingKey;

    private java.security.PublicKey keyOfTheApplication() {
        return signingKey.publicKey();
    }

    private JsonNode poll() {
        Api.Response round = api.post(Role.BILLING, "/api/v1/elhub/polls", json());
        assertThat(round.status()).as(round.raw()).isEqualTo(200);
        return round.json("");
    }

    /** Earlier tests' leftovers out of the stand-in's queues. */
    private void drain() {
        for (int i = 0; i < 10 && elhub.pending(PollQueue.METERING_VALUES) + elhub.pending(PollQueue.MARKET_PROCESSES) > 0; i++) {
            api.post(Role.BILLING, "/api/v1/elhub/polls", json());
        }
    }

    private static int[] flat(int count, int wh) {
        int[] values = new int[count];
        Arrays.fill(values, wh);
        return values;
    }
}

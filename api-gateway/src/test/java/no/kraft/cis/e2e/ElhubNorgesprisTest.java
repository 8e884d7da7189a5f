package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.kraft.cis.elhub.norgespris.ContractsApi;
import no.kraft.cis.elhub.norgespris.NorgesprisStatusWriter;
import no.kraft.cis.elhub.norgespris.NorgesprisSync;
import no.kraft.cis.elhub.outbox.Backoff;
import no.kraft.cis.elhub.outbox.CircuitBreaker;
import no.kraft.cis.elhub.outbox.Outbox;
import no.kraft.cis.elhub.outbox.OutboxRelay;
import no.kraft.cis.elhub.standin.ContractsStandIn;
import no.kraft.cis.elhub.workitem.WorkItems;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * Norgespris in Elhub through the API, against the Contracts API stand-in over HTTP: the sync into 888 (and 900
 * following), the watermark, ordering and cancelling through the outbox, refusals into the exception queue and sent
 * again, Elhub down until the deadline, and a lost answer that must not create a second contract.
 */
class ElhubNorgesprisTest extends ApiTest {

    @Autowired
    ContractsStandIn elhub;

    @Autowired
    FixedClock.Movable clock;

    @Autowired
    Outbox outbox;

    @Autowired
    ContractsApi contractsApi;

    @Autowired
    NorgesprisStatusWriter writer;

    @Autowired
    WorkItems workItems;

    @Autowired
    MeteringPointService meteringPoints;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void putBack() {
        clock.reset();
        elhub.down(false);
        jdbc.sql("delete from elhub_sync_watermark").update();
        // no command of one test is left for the next test's relay to deliver
        jdbc.sql("update elhub_command set status = 'EXPIRED', finished_at = now(), last_error = 'test ended' where status = 'PENDING'").update();
    }

    @Test
    void aMonthOfStatusChangesInElhubBecomesThe888HistoryAnd900Follows() {
        String ordered = point();
        String regretted = point();
        String expired = point();
        String active = point();
        // ordered 2 March (regret period to the 16th); ordered 3 March and regretted on the 10th; expired after 10 March
        elhub.addLive(ordered, LocalDate.parse("2026-03-02"), null, Instant.parse("2026-03-02T08:00:00Z"));
        String regret = elhub.addLive(regretted, LocalDate.parse("2026-03-03"), null, Instant.parse("2026-03-03T08:00:00Z"));
        elhub.regret(regret, Instant.parse("2026-03-10T09:00:00Z"));
        elhub.add(new ContractsStandIn.Contract("exp-" + expired, expired, "Expired", LocalDate.parse("2025-10-01"),
                LocalDate.parse("2026-03-10"), Instant.parse("2025-09-20T10:00:00Z"), Instant.parse("2026-03-10T23:00:00Z")));
        elhub.add(new ContractsStandIn.Contract("act-" + active, active, "Activated", LocalDate.parse("2025-10-01"), null,
                Instant.parse("2025-09-15T10:00:00Z"), Instant.parse("2025-10-01T00:00:00Z")));

        Api.Response synced = sync(ordered, regretted, expired, active);
        assertThat(synced.json("/received").asInt()).isEqualTo(4);
        assertThat(synced.json("/outcomes/CHANGED").asInt()).isEqualTo(4);

        assertThat(history888(ordered)).containsExactly("1 2026-03-02..open Initiated; cancellable until 2026-03-16");
        assertThat(history888(regretted)).containsExactly("1 2026-03-03..2026-03-10", "3 2026-03-10..open");
        assertThat(history888(expired)).containsExactly("1 2025-10-01..2026-03-11");
        assertThat(history888(active)).containsExactly("1 2025-10-01..open");
        // 900 followed in the same transaction (no classification run was asked for)
        assertThat(current900(active)).isEqualTo(1);

        // 20 March: the regret period is over, Elhub says Activated — the note goes, the value stays
        clock.advance(Duration.ofDays(5));
        sync(ordered);
        assertThat(history888(ordered)).containsExactly("1 2026-03-02..open");

        // the same answers again change nothing
        Api.Response again = sync(ordered, regretted, expired, active);
        assertThat(again.json("/outcomes/UNCHANGED").asInt()).isEqualTo(4);
        assertThat(again.json("/outcomes/CHANGED").isMissingNode()).isTrue();
    }

    @Test
    void theDeltaSyncResumesFromItsWatermark() {
        String first = point();
        String second = point();
        // far beyond anything else in the stand-in, so only these count
        Instant base = Instant.parse("2027-01-01T00:00:00Z");
        elhub.add(new ContractsStandIn.Contract("w1-" + first, first, "Activated", LocalDate.parse("2026-01-01"), null, base, base));
        jdbc.sql("insert into elhub_sync_watermark (name, watermark, updated_at) values ('norgespris-contracts', :w, now())")
                .param("w", java.sql.Timestamp.from(base.minus(Duration.ofDays(1)))).update();

        Api.Response run = api.post(Role.BILLING, "/api/v1/elhub/norgespris-sync", Map.of());
        assertThat(run.status()).as(run.raw()).isEqualTo(200);
        assertThat(run.json("/received").asInt()).isEqualTo(1);
        assertThat(run.text("/watermark")).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(history888(first)).containsExactly("1 2026-01-01..open");

        // a restarted application (a new sync over the same database) asks from the stored watermark less the overlap
        NorgesprisSync restarted = new NorgesprisSync(contractsApi, writer, jdbc, clock, Duration.ofMinutes(10), Instant.EPOCH);
        Instant later = base.plus(Duration.ofHours(2));
        elhub.add(new ContractsStandIn.Contract("w2-" + second, second, "Activated", LocalDate.parse("2026-02-01"), null, later, later));
        NorgesprisSync.Result resumed = restarted.syncChanged();
        // the first contract again (inside the 10-minute overlap, unchanged) and the new one — nothing older
        assertThat(resumed.received()).isEqualTo(2);
        assertThat(resumed.outcomes()).containsEntry(NorgesprisStatusWriter.Outcome.UNCHANGED, 1)
                .containsEntry(NorgesprisStatusWriter.Outcome.CHANGED, 1);
        assertThat(resumed.watermark()).isEqualTo(later);
        assertThat(history888(second)).containsExactly("1 2026-02-01..open");
    }

    @Test
    void orderedNorgesprisIsInitiatedThenActivatedAndCanBeCancelledWhileInitiated() {
        String point = point();
        Api.Response ordered = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/norgespris/order",
                json("startDate", "2026-04-01"));
        assertThat(ordered.status()).as(ordered.raw()).isEqualTo(202);
        assertThat(ordered.text("/status")).isEqualTo("PENDING");
        assertThat(history888(point)).containsExactly("0 2026-04-01..open ordered in Elhub by " + ordered.text("/createdBy"));

        deliver();
        assertThat(history888(point)).containsExactly("1 2026-04-01..open Initiated; cancellable until 2026-03-29");
        JsonNode command = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/elhub-commands").json("/0");
        assertThat(command.at("/status").asString()).isEqualTo("DELIVERED");
        assertThat(command.at("/contractId").asString()).isNotBlank();
        assertThat(elhub.statuses(point)).containsExactly("Initiated");

        // cancelled inside the regret period: 2 while waiting, then 3 from the start date (never active)
        Api.Response cancel = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/norgespris/cancel", Map.of());
        assertThat(cancel.status()).as(cancel.raw()).isEqualTo(202);
        assertThat(current888(point)).isEqualTo(2);
        deliver();
        assertThat(history888(point)).containsExactly("3 2026-04-01..open");
        assertThat(elhub.statuses(point)).containsExactly("Cancelled");
    }

    @Test
    void aRefusalSets888ToMinusOneAndOpensAWorkItemThatSendsItAgain() {
        String point = point();
        elhub.failNext(400, "INVALID_INPUT");
        order(point, "2026-04-01");
        deliver();

        assertThat(current888(point)).isEqualTo(-1);
        assertThat(note888(point)).startsWith("INVALID_INPUT: injected failure");
        JsonNode item = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?status=OPEN&meteringPointId=" + point).json("/0");
        assertThat(item.at("/kind").asString()).isEqualTo("REJECTED");
        assertThat(item.at("/request").asString()).contains("POST /contracts", point, "2026-04-01");
        assertThat(item.at("/response").asString()).contains("INVALID_INPUT");

        Api.Response retried = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items/" + item.at("/id").asLong() + "/retry", Map.of());
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(retried.text("/status")).isEqualTo("RETRIED");
        assertThat(current888(point)).isZero();
        deliver();
        assertThat(current888(point)).isEqualTo(1);
        assertThat(elhub.statuses(point)).containsExactly("Initiated");
        // a closed item cannot be acted on twice
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items/" + item.at("/id").asLong() + "/retry", Map.of()).status())
                .isEqualTo(409);
    }

    @Test
    void whileElhubIsDownTheCommandIsRetriedWithBackoffAndGoesToTheQueueAtTheDeadline() {
        OutboxRelay relay = relay();
        String point = point();
        elhub.down(true);
        long id = order(point, "2026-04-01");

        relay.deliverDue(10);
        var afterFirst = outbox.get(id);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.lastError()).contains("503");
        // the next attempt waits 15–30 s (first step 30 s, jitter in its upper half)
        assertThat(Duration.between(clock.instant(), afterFirst.nextAttemptAt())).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(relay.deliverDue(10)).as("not due yet").isZero();

        // two more failures open the breaker (threshold 3): the next due command is held back without a call
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMinutes(5));
            relay.deliverDue(10);
        }
        int requests = elhub.requests();
        clock.advance(Duration.ofMinutes(5));
        relay.deliverDue(10);
        assertThat(elhub.requests()).as("circuit open").isEqualTo(requests);
        assertThat(outbox.get(id).status().name()).isEqualTo("PENDING");

        // 24 h later, still down: no answer by the deadline → exception queue, 888 = −1, re-sendable
        clock.advance(Duration.ofHours(25));
        relay.deliverDue(10);
        assertThat(outbox.get(id).status().name()).isEqualTo("EXPIRED");
        assertThat(current888(point)).isEqualTo(-1);
        assertThat(note888(point)).startsWith("NO_ANSWER");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?meteringPointId=" + point).json("/0/kind").asString())
                .isEqualTo("NO_ANSWER");
    }

    @Test
    void tooManyRequestsWaitsAsLongAsElhubAsks() {
        String point = point();
        elhub.throttleNext(3600);
        long id = order(point, "2026-04-01");
        relay().deliverDue(10);
        assertThat(outbox.get(id).nextAttemptAt()).isAfterOrEqualTo(clock.instant().plusSeconds(3600));
        clock.advance(Duration.ofHours(1));
        relay().deliverDue(10);
        assertThat(outbox.get(id).status().name()).isEqualTo("DELIVERED");
    }

    @Test
    void aLostAnswerAndARestartMidRetryStillCreateExactlyOneContract() {
        String point = point();
        elhub.loseNextCreateAnswer();
        long id = order(point, "2026-04-01");
        relay().deliverDue(10);
        assertThat(elhub.statuses(point)).as("Elhub made it, we were not told").containsExactly("Initiated");
        assertThat(outbox.get(id).status().name()).isEqualTo("PENDING");

        // the application restarts (a new relay, nothing in memory) and tries again: it looks before creating
        clock.advance(Duration.ofMinutes(1));
        relay().deliverDue(10);
        assertThat(outbox.get(id).status().name()).isEqualTo("DELIVERED");
        assertThat(elhub.statuses(point)).containsExactly("Initiated");
        assertThat(current888(point)).isEqualTo(1);
    }

    @Test
    void theIntegrationLogIsSearchableByMeteringPointAndWorkItemsAreResolvedWithAComment() {
        String point = point();
        elhub.failNext(409, "METERING_POINT_MISMATCH");
        order(point, "2026-04-01");
        deliver();
        Api.Response log = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/exchanges?meteringPointId=" + point);
        assertThat(log.json("")).isNotEmpty();
        assertThat(log.text("/0/channel")).isEqualTo("CONTRACTS");
        assertThat(log.text("/0/request")).contains(point);
        assertThat(log.raw()).doesNotContain("Bearer");
        assertThat(api.get(Role.PARTNER, "/api/v1/elhub/exchanges?meteringPointId=" + point).status()).isEqualTo(403);

        long item = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?meteringPointId=" + point).json("/0/id").asLong();
        DatabaseSnapshot before = snapshot();
        Api.Response noComment = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items/" + item + "/resolve", json("comment", " "));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.text("/violations/0/rule")).isEqualTo("workItem.commentRequired");
        assertThat(snapshot()).isEqualTo(before);
        Api.Response resolved = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items/" + item + "/resolve",
                json("comment", "grid owner corrected the metering point in Elhub"));
        assertThat(resolved.text("/status")).isEqualTo("RESOLVED");
    }

    @Test
    void theQueueFiltersByKindAndShowsWorkItemsWithNationalIdsAndEmailAddressesMasked() {
        String point = point();
        long id = workItems.open(no.kraft.cis.elhub.workitem.WorkItem.Kind.INBOUND_FAILED, point, null,
                "end user 01017012345 (kari@example.no) unknown", "<EndUser><Id>01017012345</Id></EndUser>",
                "{\"email\":\"kari@example.no\",\"meteringPoint\":\"" + point + "\"}");
        Api.Response item = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items/" + id);
        assertThat(item.status()).as(item.raw()).isEqualTo(200);
        assertThat(item.raw()).doesNotContain("01017012345").doesNotContain("kari@example.no");
        assertThat(item.text("/summary")).isEqualTo("end user *********** (***@***) unknown");
        assertThat(item.text("/request")).isEqualTo("<EndUser><Id>***********</Id></EndUser>");
        assertThat(item.text("/response")).contains("***@***", point);
        // by kind: this one is INBOUND_FAILED, not REJECTED; the list is masked too
        Api.Response inbound = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?kind=INBOUND_FAILED&meteringPointId=" + point);
        assertThat(inbound.json("").size()).isEqualTo(1);
        assertThat(inbound.raw()).doesNotContain("01017012345");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?kind=REJECTED&meteringPointId=" + point).json("").size()).isZero();
        Api.Response unknown = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?kind=LOST");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/violations/0/field")).isEqualTo("kind");
        assertThat(unknown.text("/violations/0/rule")).isEqualTo("kind.unknown");
    }

    @Test
    void orderingIsRefusedForAStartInThePastAndWhileACommandIsWaiting() {
        String point = point();
        Api.Response past = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/norgespris/order",
                json("startDate", "2026-03-01"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("/violations/0/rule")).isEqualTo("norgespris.startInPast");
        order(point, "2026-04-01");
        Api.Response twice = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/norgespris/order",
                json("startDate", "2026-04-01"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("/violations/0/rule")).isEqualTo("elhub.commandPending");
        deliver();
    }

    private OutboxRelay relay() {
        return new OutboxRelay(outbox, contractsApi, writer, workItems, meteringPoints, new CircuitBreaker(3, Duration.ofMinutes(10), clock),
                new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30)), clock, new Random(7), transactions);
    }

    private long order(String point, String startDate) {
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/norgespris/order", json("startDate", startDate));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        return r.json("/id").asLong();
    }

    private void deliver() {
        Api.Response r = api.post(Role.BILLING, "/api/v1/elhub/outbox/deliveries", Map.of());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private Api.Response sync(String... points) {
        Api.Response r = api.post(Role.BILLING, "/api/v1/elhub/norgespris-sync/metering-points", json("meteringPointIds", List.of(points)));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    private String point() {
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Elhubnett AS"));
        String point = TestData.meteringPointId();
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(point, "NO1", gridOwner, "35", "0301"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return point;
    }

    private List<JsonNode> values(String point, int code) {
        return api.get(Role.BILLING, "/api/v1/metering-points/" + point).json("/propertyHistory/" + code).valueStream()
                .filter(v -> !v.at("/validFrom").asString().equals(v.at("/validTo").asString())).toList();
    }

    private List<String> history888(String point) {
        return steps.propertyHistory(point, 888);
    }

    private int current888(String point) {
        return values(point, 888).getLast().at("/value").asInt();
    }

    private String note888(String point) {
        return values(point, 888).getLast().at("/note").asString();
    }

    private int current900(String point) {
        return values(point, 900).getLast().at("/value").asInt();
    }
}

package no.kraft.cis.elhub.norgespris;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps property 888 in line with Elhub's Norgespris register (Contracts API). The nightly delta asks for contracts
 * changed after the stored watermark (less an overlap, since Elhub's clock and commit order are not ours; writing the
 * same status again changes nothing); the on-demand sync asks for given metering points. Contracts are written oldest
 * change first, each in its own transaction ({@link NorgesprisStatusWriter}). The watermark moves to the newest
 * {@code updatedAt} seen only after every contract of the run was written — a run that dies half-way is simply run
 * again.
 */
public class NorgesprisSync {

    static final String WATERMARK = "norgespris-contracts";
    private static final Logger LOG = LoggerFactory.getLogger(NorgesprisSync.class);

    /** What a sync did: contracts received, and what became of them. */
    public record Result(int received, Map<NorgesprisStatusWriter.Outcome, Integer> outcomes, Instant watermark) {
    }

    private final ContractsApi api;
    private final NorgesprisStatusWriter writer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration overlap;
    private final Instant firstWatermark;

    public NorgesprisSync(ContractsApi api, NorgesprisStatusWriter writer, JdbcClient jdbc, Clock clock, Duration overlap,
            Instant firstWatermark) {
        this.api = api;
        this.writer = writer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.overlap = overlap;
        this.firstWatermark = firstWatermark;
    }

    /** The nightly delta: everything changed since the watermark. */
    public Result syncChanged() {
        Instant watermark = watermark();
        List<NorgesprisContract> contracts = api.changedSince(watermark.minus(overlap));
        Map<NorgesprisStatusWriter.Outcome, Integer> outcomes = write(contracts);
        Instant newest = contracts.stream().map(NorgesprisContract::updatedAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .filter(n -> n.isAfter(watermark)).orElse(watermark);
        if (newest.isAfter(watermark)) {
            jdbc.sql("""
                    insert into elhub_sync_watermark (name, watermark, updated_at) values (:name, :watermark, :now)
                    on conflict (name) do update set watermark = excluded.watermark, updated_at = excluded.updated_at""")
                    .param("name", WATERMARK).param("watermark", Timestamp.from(newest)).param("now", Timestamp.from(clock.instant())).update();
        }
        LOG.info("Norgespris delta sync from {}: {} contracts, {}", watermark, contracts.size(), outcomes);
        return new Result(contracts.size(), outcomes, newest);
    }

    /** On demand: the contracts of the given metering points (asked for at most 21 at a time). */
    public Result syncMeteringPoints(List<String> meteringPointIds) {
        List<NorgesprisContract> contracts = api.forMeteringPoints(meteringPointIds);
        return new Result(contracts.size(), write(contracts), watermark());
    }

    /** The newest {@code updatedAt} taken in so far. */
    public Instant watermark() {
        return jdbc.sql("select watermark from elhub_sync_watermark where name = :name").param("name", WATERMARK)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(firstWatermark);
    }

    private Map<NorgesprisStatusWriter.Outcome, Integer> write(List<NorgesprisContract> contracts) {
        Map<NorgesprisStatusWriter.Outcome, Integer> outcomes = new EnumMap<>(NorgesprisStatusWriter.Outcome.class);
        contracts.stream()
                .sorted(Comparator.comparing(NorgesprisContract::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(contract -> outcomes.merge(writer.write(contract, false), 1, Integer::sum));
        return outcomes;
    }
}

package no.kraft.cis.elhub.norgespris;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Norgespris contracts Elhub has told us about, by their Elhub id — what a cancellation needs to name. */
public class KnownContracts {

    private final JdbcClient jdbc;
    private final Clock clock;

    public KnownContracts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void remember(NorgesprisContract contract) {
        jdbc.sql("""
                insert into elhub_norgespris_contract (contract_id, metering_point, status, start_date, end_date, elhub_updated, seen_at)
                values (:id, :point, :status, :start, :end, :updated, :now)
                on conflict (contract_id) do update set metering_point = excluded.metering_point, status = excluded.status,
                    start_date = excluded.start_date, end_date = excluded.end_date, elhub_updated = excluded.elhub_updated, seen_at = excluded.seen_at""")
                .param("id", contract.id()).param("point", contract.meteringPointId()).param("status", contract.status().name())
                .param("start", contract.startDate()).param("end", contract.endDate())
                .param("updated", contract.updatedAt() == null ? null : Timestamp.from(contract.updatedAt()))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** The contract a cancellation of this metering point's Norgespris is for: the newest Initiated or Activated one. */
    public Optional<String> cancellable(String meteringPoint) {
        return jdbc.sql("""
                select contract_id from elhub_norgespris_contract where metering_point = :point and status in ('INITIATED', 'ACTIVATED')
                order by start_date desc, seen_at desc limit 1""").param("point", meteringPoint).query(String.class).optional();
    }
}

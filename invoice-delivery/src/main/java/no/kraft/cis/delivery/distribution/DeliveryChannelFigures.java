package no.kraft.cis.delivery.distribution;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import no.kraft.cis.receivables.DeliveryChannel;
import no.kraft.cis.receivables.DeliveryChannels;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery channels for the receivables figures, from this module's own tables (the core does not read them): a
 * delivery's channel is the plan's channel at its current step — the one that reached the customer, or is reaching
 * them, after any fallback. A delivery that reached no channel ({@code FAILED}, or {@code RESOLVED} by a person) is left
 * out. One query for the counts, and the channels as a query the figures join.
 */
public class DeliveryChannelFigures implements DeliveryChannels {

    private final JdbcClient jdbc;

    public DeliveryChannelFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<DeliveryChannel, Long> deliveriesOfInvoicesIssued(LocalDate from, LocalDate to) {
        Map<DeliveryChannel, Long> counts = new EnumMap<>(DeliveryChannel.class);
        jdbc.sql("""
                        select d.plan[d.step + 1] as channel, count(*) as deliveries
                        from invoice_delivery d join invoice i on i.id = d.invoice_id
                        where i.kind = 'INVOICE' and i.issue_date >= :from and i.issue_date < :to and d.status not in ('FAILED', 'RESOLVED')
                        group by 1""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((java.sql.ResultSet rs) -> {
                    DeliveryChannel channel = channel(rs.getString("channel"));
                    if (channel != null) {
                        counts.merge(channel, rs.getLong("deliveries"), Long::sum);
                    }
                });
        return counts;
    }

    @Override
    public String invoiceChannels() {
        // invoice_delivery has one row per invoice (unique invoice_id); Channel's names are DeliveryChannel's
        return "select d.invoice_id, d.plan[d.step + 1] as channel from invoice_delivery d where d.status not in ('FAILED', 'RESOLVED')";
    }

    private static DeliveryChannel channel(String name) {
        if (name == null) {
            return null;
        }
        return switch (Channel.valueOf(name)) {
            case EMAIL -> DeliveryChannel.EMAIL;
            case SMS -> DeliveryChannel.SMS;
            case EHF -> DeliveryChannel.EHF;
            case PAPER -> DeliveryChannel.PAPER;
        };
    }
}

package no.kraft.cis.receivables;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link NoticeHistory} the debt-collection adapter puts on a claim it hands over: the notices the dunning job
 * recorded on the invoice ({@code dunning_event}: friendly reminder, purring, inkassovarsel), oldest first, with the fee
 * each charged.
 */
@Component
class DunningNoticeHistory implements NoticeHistory {

    private final JdbcClient jdbc;

    DunningNoticeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SentNotice> sentOn(long invoiceId) {
        return jdbc.sql("""
                        select step, day, deadline, fee from dunning_event
                        where invoice_id = :invoice and step in ('FRIENDLY_REMINDER', 'PURRING', 'INKASSOVARSEL')
                        order by day, id""")
                .param("invoice", invoiceId)
                .query((rs, n) -> new SentNotice(NoticeKind.valueOf(rs.getString("step")), rs.getDate("day").toLocalDate(),
                        rs.getDate("deadline") == null ? null : rs.getDate("deadline").toLocalDate(), rs.getBigDecimal("fee")))
                .list();
    }
}

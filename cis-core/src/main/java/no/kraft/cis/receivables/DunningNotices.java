package no.kraft.cis.receivables;

import java.util.List;
import java.util.Map;

/**
 * Port: sends the dunning job's notices to the customer. Implemented by invoice-delivery, through its channels and a
 * durable outbox: {@link #queue} is called inside the job's chunk transaction and must only store what is to be sent
 * (sending happens after commit, once, with retries), so a rolled-back chunk sends nothing and a committed one is
 * sent exactly once. Without an implementation the events are recorded with channel {@link NoticeChannel#NONE}.
 */
public interface DunningNotices {

    /** Stores the notices to be sent; the channel each will go by (event id → channel). Never throws for one customer. */
    Map<Long, NoticeChannel> queue(List<DunningNotice> notices);
}

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

    /**
     * The channel a notice of {@code kind} on each invoice would go by (invoice id → channel; {@link NoticeChannel#NONE}
     * when nothing reaches the customer). Reads only, set-based; asked before the events are stored.
     */
    Map<Long, NoticeChannel> channels(Map<Long, NoticeKind> kindByInvoice);

    /** Stores the notices to be sent, each by its {@link DunningNotice#channel()} (NONE: not stored). Never throws for one customer. */
    void queue(List<DunningNotice> notices);
}

package no.kraft.cis.elhub;

import java.util.List;
import no.kraft.cis.elhub.exchange.PersonalDataMask;
import no.kraft.cis.elhub.norgespris.NorgesprisOrders;
import no.kraft.cis.elhub.norgespris.NorgesprisSync;
import no.kraft.cis.elhub.workitem.WorkItem;
import no.kraft.cis.elhub.workitem.WorkItems;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exception queue (avviksliste) as staff use it: list items, retry one (a refused or unanswered command is sent
 * again; a data conflict is synced again from Elhub) or resolve it with a comment. Closing and acting happen in one
 * transaction, so an item is never closed without its retry being queued.
 */
public class ExceptionQueue {

    private final WorkItems items;
    private final NorgesprisOrders orders;
    private final NorgesprisSync sync;
    private final TransactionTemplate transaction;

    private final no.kraft.cis.elhub.inbound.InboundProcessor inbound;
    private final no.kraft.cis.elhub.inbound.PollBatches batches;

    public ExceptionQueue(WorkItems items, NorgesprisOrders orders, NorgesprisSync sync, no.kraft.cis.elhub.inbound.InboundProcessor inbound,
            no.kraft.cis.elhub.inbound.PollBatches batches, PlatformTransactionManager transactions) {
        this.items = items;
        this.orders = orders;
        this.sync = sync;
        this.inbound = inbound;
        this.batches = batches;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Items for a person to see: newest first, filtered, with national IDs and e-mail addresses masked. */
    public List<WorkItem> list(WorkItem.Status status, WorkItem.Kind kind, String meteringPoint, int limit) {
        return items.list(status, kind, meteringPoint, limit).stream().map(ExceptionQueue::masked).toList();
    }

    /** One item with its request and answer, personal data masked as in the integration log (the stored text is whole). */
    public WorkItem get(long id) {
        return masked(items.get(id));
    }

    private static WorkItem masked(WorkItem item) {
        return new WorkItem(item.id(), item.kind(), item.meteringPoint(), item.commandId(), PersonalDataMask.mask(item.summary()),
                PersonalDataMask.mask(item.request()), PersonalDataMask.mask(item.response()), item.status(), item.createdAt(),
                item.closedAt(), item.closedBy(), PersonalDataMask.mask(item.comment()));
    }

    public WorkItem resolve(long id, String comment, String by) {
        if (comment == null || comment.isBlank()) {
            throw ValidationFailedException.of("comment", "workItem.commentRequired", "say how it was resolved");
        }
        return masked(transaction.execute(status -> items.close(id, WorkItem.Status.RESOLVED, by, comment.strip())));
    }

    public WorkItem retry(long id, String by) {
        WorkItem item = items.get(id);
        if (item.status() != WorkItem.Status.OPEN) {
            throw new ConflictException("status", "workItem.closed", "work item " + id + " is already " + item.status());
        }
        if (item.kind() == WorkItem.Kind.INBOUND_FAILED) {
            // the message is applied again from the batch that brought it; if it fails again the item stays open
            String message = batches.messageOf(id).orElseThrow(() -> new ConflictException("id", "workItem.noMessage",
                    "work item " + id + " is about no stored message"));
            inbound.retry(message);
            return get(id);   // resolved by the system once applied; still open, one attempt more, if not
        }
        if (item.kind() == WorkItem.Kind.INTEGRATION_ERROR) {
            throw new ConflictException("id", "workItem.notRetryable", "an integration error is fixed in our integration, then resolved");
        }
        if (item.kind() == WorkItem.Kind.DATA_CONFLICT) {
            // a fresh read from Elhub; if it still conflicts a new item is opened
            sync.syncMeteringPoints(List.of(item.meteringPoint()));
            return masked(transaction.execute(status -> items.close(id, WorkItem.Status.RETRIED, by, "synced again from Elhub")));
        }
        return masked(transaction.execute(status -> {
            WorkItem closed = items.close(id, WorkItem.Status.RETRIED, by, "sent again");
            orders.resend(new MeteringPointId(item.meteringPoint()), by);
            return closed;
        }));
    }
}

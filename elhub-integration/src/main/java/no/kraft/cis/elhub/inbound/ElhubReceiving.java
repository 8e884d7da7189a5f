package no.kraft.cis.elhub.inbound;

import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.elhub.emif.EmifFault;
import no.kraft.cis.elhub.norgespris.ElhubApiException;
import no.kraft.cis.elhub.workitem.WorkItem;
import no.kraft.cis.elhub.workitem.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One round of receiving from Elhub, as the scheduler (and staff, on demand) runs it: poll each queue, then process
 * what is stored — including what an earlier round stored and could not process — then try the failed messages that
 * are due. Elhub not answering ends that queue's polling for this round (what was stored stays stored); a SOAP fault
 * on our poll is an integration error for IT (one open work item per kind of fault, not one per round).
 */
public class ElhubReceiving {

    private static final Logger LOG = LoggerFactory.getLogger(ElhubReceiving.class);

    /** What a round did. */
    public record Round(List<Poller.Result> polls, List<String> unanswered, InboundProcessor.Result processed,
            InboundProcessor.Result retried) {
    }

    private final Poller poller;
    private final InboundProcessor processor;
    private final WorkItems workItems;
    private final TransactionTemplate transaction;

    public ElhubReceiving(Poller poller, InboundProcessor processor, WorkItems workItems, PlatformTransactionManager transactions) {
        this.poller = poller;
        this.processor = processor;
        this.workItems = workItems;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Receives, then processes: a round on demand. */
    public synchronized Round run() {
        Receipt receipt = receive();
        return new Round(receipt.polls(), receipt.unanswered(), processor.processStored(), processor.retryDue());
    }

    /** Processes what is stored, and the failed messages that are due (the scheduler runs this apart, often). */
    public Round process() {
        return new Round(List.of(), List.of(), processor.processStored(), processor.retryDue());
    }

    /** What the polls did. */
    public record Receipt(List<Poller.Result> polls, List<String> unanswered) {
    }

    /** Polls both queues: stores and acknowledges what they hold, applies nothing. */
    public Receipt receive() {
        List<Poller.Result> polls = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (PollQueue queue : PollQueue.values()) {
            try {
                polls.add(poller.poll(queue));
            } catch (EmifFault fault) {
                String summary = "Elhub refused our poll of " + queue.service() + " with a SOAP fault"
                        + (fault.codeGroup() == null ? "" : " (" + fault.codeGroup() + ")") + ": " + fault.getMessage();
                transaction.executeWithoutResult(s -> workItems.openUnlessOpen(WorkItem.Kind.INTEGRATION_ERROR, summary, fault.answer()));
                unanswered.add(queue.name() + ": " + summary);
            } catch (ElhubApiException noAnswer) {
                LOG.warn("Elhub's {} did not answer: {}", queue.service(), noAnswer.getMessage());
                unanswered.add(queue.name() + ": " + noAnswer.getMessage());
            }
        }
        return new Receipt(polls, unanswered);
    }
}

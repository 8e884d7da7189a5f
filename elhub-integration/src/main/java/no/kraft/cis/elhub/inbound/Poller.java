package no.kraft.cis.elhub.inbound;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;
import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.norgespris.ElhubApiException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives from one of EMIF's poll queues: {@code PollForData} → the answer stored whole ({@link PollBatches}, committed)
 * → {@code AcknowledgePoll} with status 39 and the batch's outer Identification — never the other way round, so a
 * batch is never acknowledged that we do not hold. A lost acknowledgement means Elhub serves the batch again; it is
 * stored once. Polls until the queue is empty or {@code maxBatches} have come.
 */
public class Poller {

    static final String POLL_DOCUMENT_TYPE = "21";   // (verify) as Elhub's SDK sends it: UN/CEFACT 21 "query", agency 6
    static final String ACK_DOCUMENT_TYPE = "294";
    static final String ACK_RECEIVED = "39";

    /** What a poll did. */
    public record Result(PollQueue queue, int batches, int stored, long bytes, boolean acknowledgementLost) {
    }

    private final EmifSoap soap;
    private final Map<PollQueue, String> urls;
    private final PollBatches batches;
    private final TransactionTemplate transaction;
    private final int maxBatches;

    public Poller(EmifSoap soap, Map<PollQueue, String> urls, PollBatches batches, PlatformTransactionManager transactions, int maxBatches) {
        this.soap = soap;
        this.urls = Map.copyOf(urls);
        this.batches = batches;
        this.transaction = new TransactionTemplate(transactions);
        this.maxBatches = maxBatches;
    }

    /** One poll only (a benchmark times receiving apart): the answer's size, 0 when nothing waited. */
    public long pollOnce(PollQueue queue) {
        EmifSoap.Reply reply = soap.call(urls.get(queue), "PollForData", soap.envelope(queue.wsdlNamespace(), "PollForDataRequest", pollForData()));
        UUID batch = BatchReader.batchId(new ByteArrayInputStream(reply.body()));
        if (batch == null) {
            return 0;
        }
        transaction.executeWithoutResult(s -> batches.store(batch, queue, reply.body()));
        soap.call(urls.get(queue), "AcknowledgePoll", soap.envelope(queue.wsdlNamespace(), "AcknowledgePollRequest", acknowledgement(batch)));
        transaction.executeWithoutResult(s -> batches.acknowledged(batch));
        return reply.body().length;
    }

    public Result poll(PollQueue queue) {
        String url = urls.get(queue);
        int served = 0;
        int stored = 0;
        long bytes = 0;
        while (served < maxBatches) {
            EmifSoap.Reply reply = soap.call(url, "PollForData", soap.envelope(queue.wsdlNamespace(), "PollForDataRequest", pollForData()));
            UUID batch = BatchReader.batchId(new ByteArrayInputStream(reply.body()));
            if (batch == null) {
                break;   // nothing waiting
            }
            served++;
            bytes += reply.body().length;
            boolean isNew = Boolean.TRUE.equals(transaction.execute(s -> batches.store(batch, queue, reply.body())));
            stored += isNew ? 1 : 0;
            try {
                soap.call(url, "AcknowledgePoll", soap.envelope(queue.wsdlNamespace(), "AcknowledgePollRequest", acknowledgement(batch)));
            } catch (ElhubApiException lost) {
                // stored, not acknowledged: Elhub serves it again next time, and it is stored once
                return new Result(queue, served, stored, bytes, true);
            }
            transaction.executeWithoutResult(s -> batches.acknowledged(batch));
        }
        return new Result(queue, served, stored, bytes, false);
    }

    /** {@code PollForData}: the header, process POLL for our role, no filter. */
    String pollForData() {
        return "<rsm:PollForData xmlns:rsm=\"urn:no:elhub:emif:PollForData:v2\" xmlns:abie=\"" + EmifSoap.ABIE + "\">"
                + soap.header(EmifSoap.newId(), POLL_DOCUMENT_TYPE, "6") + EmifSoap.context("POLL") + "<rsm:Payload/></rsm:PollForData>";
    }

    /** The poll's acknowledgement: status 39 (received), referring to the batch's outer Identification. */
    String acknowledgement(UUID batch) {
        return "<rsm:Acknowledgement xmlns:rsm=\"urn:no:elhub:emif:Acknowledgement:v2\" xmlns:abie=\"" + EmifSoap.ABIE + "\">"
                + soap.header(EmifSoap.newId(), ACK_DOCUMENT_TYPE, "6") + EmifSoap.context("POLL")
                + "<rsm:PayloadResponseEvent><abie:StatusType listAgencyIdentifier=\"6\">" + ACK_RECEIVED + "</abie:StatusType>"
                + "<abie:OriginalBusinessDocumentReference>" + batch + "</abie:OriginalBusinessDocumentReference>"
                + "</rsm:PayloadResponseEvent></rsm:Acknowledgement>";
    }
}

package no.kraft.cis.elhub.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.kraft.cis.elhub.metering.InvalidMessage;
import no.kraft.cis.elhub.outbox.Backoff;
import no.kraft.cis.elhub.workitem.WorkItem;
import no.kraft.cis.elhub.workitem.WorkItems;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the business messages of stored poll batches, apart from receiving them. Each message is applied once, in
 * its own transaction with the record that it was (so a batch served again, or a run killed half-way and started
 * again, changes nothing twice). A message that breaks a rule is recorded as failed, tried again with backoff up to
 * {@value #MAX_ATTEMPTS} times, and opens one work item with the raw message; the rest of the batch goes on. A message
 * kind we do not handle yet is recorded as ignored. A database failure stops the run: the batch stays unprocessed.
 */
public class InboundProcessor {

    static final int MAX_ATTEMPTS = 5;

    /** What a run did. */
    public record Result(int batches, int applied, int ignored, int failed, int alreadyApplied) {
    }

    private final PollBatches batches;
    private final Map<String, MessageHandler<?>> handlers = new HashMap<>();
    private final WorkItems workItems;
    private final TransactionTemplate transaction;
    private final Backoff backoff;
    private final Clock clock;
    private final RandomGenerator random;

    public InboundProcessor(PollBatches batches, List<MessageHandler<?>> handlers, WorkItems workItems, PlatformTransactionManager transactions,
            Backoff backoff, Clock clock, RandomGenerator random) {
        this.batches = batches;
        handlers.forEach(h -> this.handlers.put(h.namespace() + " " + h.root(), h));
        this.workItems = workItems;
        this.transaction = new TransactionTemplate(transactions);
        this.backoff = backoff;
        this.clock = clock;
        this.random = random;
    }

    private final class Counts {
        int applied;
        int ignored;
        int failed;
        int seen;
    }

    /** Processes every stored batch not processed yet, oldest first. */
    public synchronized Result processStored() {
        Counts counts = new Counts();
        int done = 0;
        for (List<PollBatches.Stored> page = batches.unprocessed(20); !page.isEmpty(); page = batches.unprocessed(20)) {
            for (PollBatches.Stored batch : page) {
                int messages = process(batch.id(), 1, counts, null);
                batches.processed(batch.id(), messages);
                done++;
            }
        }
        return new Result(done, counts.applied, counts.ignored, counts.failed, counts.seen);
    }

    /** Tries the failed messages that are due again (each from the batch that brought it). */
    public synchronized Result retryDue() {
        Counts counts = new Counts();
        List<Due> due = batches.dueForRetry(clock.instant(), MAX_ATTEMPTS);
        for (Due d : due) {
            process(d.batch(), d.position(), counts, d.position());
        }
        return new Result(0, counts.applied, counts.ignored, counts.failed, counts.seen);
    }

    /** A failed message due to be tried again. */
    public record Due(String messageId, UUID batch, int position) {
    }

    /** Staff asked for it (the exception queue's retry): the message is tried again now, whatever its attempts. */
    public synchronized Result retry(String messageId) {
        Counts counts = new Counts();
        Due d = batches.failed(messageId).orElseThrow(() -> new no.kraft.cis.rule.ConflictException("message", "inbound.notFailed",
                "message " + messageId + " has not failed"));
        process(d.batch(), d.position(), counts, d.position());
        return new Result(0, counts.applied, counts.ignored, counts.failed, counts.seen);
    }

    /**
     * Walks the batch from {@code from}; with {@code only} set, just that one message. Returns how many messages the
     * batch holds.
     */
    private int process(UUID batch, int from, Counts counts, Integer only) {
        int next = from;
        while (true) {
            try (java.io.InputStream body = batches.body(batch)) {
                return BatchReader.forEach(body, next, (position, r) -> {
                    if (only != null && position != only) {
                        skip(r);
                        return;
                    }
                    handle(batch, position, r, counts);
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (BatchReader.Failed failed) {
                // the message could not be read to its end: recorded, and the walk starts again after it — unless the
                // batch itself is unreadable from there on, when nothing after it can be reached
                if (failed.getCause() instanceof DataAccessException db) {
                    throw db;
                }
                String id = syntheticId(batch, failed.position());
                if (batches.outcome(id).isEmpty() || !failed.broken()) {
                    fail(batch, failed.position(), id, "(unread)", null, null, failed.getCause(), counts);
                }
                if (only != null || failed.broken() || failed.position() < next) {
                    return failed.position();
                }
                next = failed.position() + 1;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(UUID batch, int position, XMLStreamReader r, Counts counts) throws XMLStreamException {
        MessageHandler handler = handlers.get(r.getNamespaceURI() + " " + r.getLocalName());
        String document = r.getLocalName();
        if (handler == null) {
            String id = headerId(r);
            if (batches.outcome(id).isEmpty()) {
                transaction.executeWithoutResult(s -> batches.record(id, batch, position, document, null, PollBatches.Outcome.IGNORED,
                        "not handled yet: " + document, null, null));
                counts.ignored++;
            } else {
                counts.seen++;
            }
            return;
        }
        Object message;
        try {
            message = handler.read(r, id -> PollBatches.isUuid((String) id)
                    && batches.outcome((String) id).filter(o -> o != PollBatches.Outcome.FAILED).isPresent());
        } catch (InvalidMessage invalid) {
            throw invalid;   // the walk stops here and starts again after this message
        }
        if (message == null) {
            counts.seen++;
            return;
        }
        String id = handler.messageId(message);
        if (!PollBatches.isUuid(id)) {
            // what Elhub never sends; recorded under a stand-in id (the message's own is no UUID to key it by)
            fail(batch, position, syntheticId(batch, position), document, handler.process(message), handler.meteringPoint(message),
                    new InvalidMessage("message.identification", "the header Identification is not a lowercase UUID: " + id), counts);
            return;
        }
        try {
            String detail = transaction.execute(s -> {
                String what = handler.apply(message);
                batches.record(id, batch, position, document, handler.process(message), PollBatches.Outcome.APPLIED, what, null, null);
                return what;
            });
            batches.failedBefore(id).ifPresent(item -> transaction.executeWithoutResult(s ->
                    workItems.resolveBySystem(item, "applied on a later attempt: " + detail)));
            counts.applied++;
        } catch (org.springframework.dao.DataIntegrityViolationException | org.springframework.dao.InvalidDataAccessResourceUsageException
                 deterministic) {
            // the message would break a constraint of ours (or meets a fault in our SQL): the same every time, so it is
            // this message's failure — retried with backoff and a work item — not an outage that holds up the rest
            fail(batch, position, id, document, handler.process(message), handler.meteringPoint(message), deterministic, counts);
        } catch (DataAccessException db) {
            throw db;
        } catch (RuntimeException e) {
            fail(batch, position, id, document, handler.process(message), handler.meteringPoint(message), e, counts);
        }
    }

    private void fail(UUID batch, int position, String id, String document, String process, String meteringPoint, Throwable why,
            Counts counts) {
        String reason = reason(why);
        int attempts = batches.attempts(id) + 1;
        Instant next = attempts < MAX_ATTEMPTS ? backoff.next(clock.instant(), attempts, random.nextDouble(), null) : null;
        transaction.executeWithoutResult(s -> {
            Long item = batches.workItem(id).orElse(null);
            if (item == null) {
                String raw;
                try (java.io.InputStream body = batches.body(batch)) {
                    raw = BatchReader.extract(body, position);
                } catch (java.io.IOException e) {
                    raw = "(the message could not be read back: " + e.getMessage() + ")";
                }
                item = workItems.open(WorkItem.Kind.INBOUND_FAILED, meteringPoint, null,
                        "Elhub's " + document + (process == null ? "" : " (" + process + ")") + " could not be applied: " + reason,
                        raw, null);
            }
            batches.record(id, batch, position, document, process, PollBatches.Outcome.FAILED, reason, item, next);
        });
        counts.failed++;
    }

    private static String reason(Throwable why) {
        if (why instanceof InvalidMessage m) {
            return m.rule() + ": " + m.getMessage();
        }
        if (why instanceof InvalidValueException v) {
            return v.rule() + ": " + v.getMessage();
        }
        if (why instanceof ValidationFailedException v) {
            return String.join("; ", v.violations().stream().limit(10).map(x -> x.rule() + ": " + x.message()).toList());
        }
        if (why instanceof XMLStreamException x) {
            return "message.xml: " + x.getMessage();
        }
        return why.getClass().getSimpleName() + ": " + why.getMessage();
    }

    /** For a message whose own Identification could not be read: stable per batch and place. */
    static String syntheticId(UUID batch, int position) {
        return UUID.nameUUIDFromBytes((batch + "#" + position).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** The header Identification of a message we do not otherwise read; the reader ends on the message's end tag. */
    private static String headerId(XMLStreamReader r) throws XMLStreamException {
        String id = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (id == null && depth == 3 && r.getLocalName().equals("Identification")) {
                    id = r.getElementText().strip();
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            throw new InvalidMessage("message.identification", "the message has no header Identification");
        }
        return id;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}

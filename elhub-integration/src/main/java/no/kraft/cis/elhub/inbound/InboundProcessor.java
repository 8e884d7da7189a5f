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
 *
 * <p>{@link #processStored} reads the next message while the one before is being stored: reading (unpacking, the
 * streaming parse and its checks) on the caller's thread, everything that writes — applying, recording, failing, marking
 * a batch processed — on one applying thread, in the order the messages come, each message in its own transaction as
 * before. At most one read message waits for it, so memory stays at a few messages whatever the backlog. Retries run on
 * the caller's thread alone.
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

    /** Changed only by the thread that writes (the applying thread, or the caller's when there is none). */
    private static final class Counts {
        int applied;
        int ignored;
        int failed;
        int seen;
    }

    /** Processes every stored batch not processed yet, oldest first. */
    public synchronized Result processStored() {
        Counts counts = new Counts();
        int done = 0;
        java.util.Set<UUID> taken = new java.util.HashSet<>();
        RuntimeException failure = null;
        Pipeline writes = new Pipeline();
        try {
            for (List<PollBatches.Stored> page = batches.unprocessed(20); !page.isEmpty(); page = batches.unprocessed(20)) {
                // a batch handed to the applying thread may not be marked processed yet: it is not taken twice
                List<PollBatches.Stored> fresh = page.stream().filter(b -> !taken.contains(b.id())).toList();
                if (fresh.isEmpty()) {
                    writes.drain();
                    if (batches.unprocessed(20).stream().allMatch(b -> taken.contains(b.id()))) {
                        break;
                    }
                    continue;
                }
                for (PollBatches.Stored batch : fresh) {
                    taken.add(batch.id());
                    int messages = process(batch.id(), 1, counts, null, writes);
                    writes.then(() -> batches.processed(batch.id(), messages));
                    done++;
                }
            }
        } catch (Pipeline.Stopped stopped) {
            // the applying thread met a database failure: it is thrown below
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            try {
                writes.finish();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new Result(done, counts.applied, counts.ignored, counts.failed, counts.seen);
    }

    /** Tries the failed messages that are due again (each from the batch that brought it). */
    public synchronized Result retryDue() {
        Counts counts = new Counts();
        List<Due> due = batches.dueForRetry(clock.instant(), MAX_ATTEMPTS);
        for (Due d : due) {
            process(d.batch(), d.position(), counts, d.position(), Runnable::run);
        }
        return new Result(0, counts.applied, counts.ignored, counts.failed, counts.seen);
    }

    /** Where the writes of a walk go: run at once ({@code Runnable::run}), or handed to the applying thread. */
    private interface Writes {
        void then(Runnable write);
    }

    /**
     * The applying thread of one {@link #processStored} run: runs the writes handed to it in order; at most one waits
     * while another runs (the reading thread blocks on the next). The first write that throws stops it: the writes after
     * are dropped, the reader is stopped at its next hand-over, and {@link #finish} throws what the write threw — as
     * the same failure stopped the run when it was one thread.
     */
    private static final class Pipeline implements Writes {

        /** The reader is told to stop: the applying thread failed. */
        static final class Stopped extends RuntimeException {
            Stopped() {
                super("the applying thread stopped", null, false, false);
            }
        }

        private static final Runnable END = () -> { };
        private final java.util.concurrent.BlockingQueue<Runnable> queue = new java.util.concurrent.ArrayBlockingQueue<>(1);
        private Thread worker;   // started with the first write: a run with nothing to do starts no thread
        private volatile Throwable fatal;
        private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

        private void work() {
            while (true) {
                Runnable write;
                try {
                    write = queue.take();
                } catch (InterruptedException e) {
                    fatal = e;
                    return;
                }
                if (write == END) {
                    return;
                }
                try {
                    if (fatal == null) {
                        write.run();
                    }
                } catch (Throwable e) {
                    fatal = e;
                } finally {
                    synchronized (pending) {
                        pending.decrementAndGet();
                        pending.notifyAll();
                    }
                }
            }
        }

        @Override
        public void then(Runnable write) {
            if (fatal != null) {
                throw new Stopped();
            }
            if (worker == null) {
                worker = Thread.ofPlatform().name("elhub-inbound-apply").daemon().start(this::work);
            }
            pending.incrementAndGet();
            put(write);
        }

        /** Waits until every write handed over so far has run. */
        void drain() {
            if (worker == null) {
                return;
            }
            synchronized (pending) {
                while (pending.get() > 0 && worker.isAlive()) {
                    try {
                        pending.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the applying thread", e);
                    }
                }
            }
            if (fatal != null) {
                throw new Stopped();
            }
        }

        /** Runs what is handed over, ends the thread, and throws what stopped it, if anything did. */
        void finish() {
            if (worker == null) {
                return;
            }
            put(END);
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the applying thread", e);
            }
            if (fatal instanceof RuntimeException e) {
                throw e;
            }
            if (fatal instanceof Error e) {
                throw e;
            }
            if (fatal != null) {
                throw new IllegalStateException("the applying thread stopped", fatal);
            }
        }

        private void put(Runnable write) {
            while (true) {
                try {
                    if (queue.offer(write, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    if (!worker.isAlive()) {
                        throw new IllegalStateException("the applying thread is gone");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while handing a message to the applying thread", e);
                }
            }
        }
    }

    /** A failed message due to be tried again. */
    public record Due(String messageId, UUID batch, int position) {
    }

    /** Staff asked for it (the exception queue's retry): the message is tried again now, whatever its attempts. */
    public synchronized Result retry(String messageId) {
        Counts counts = new Counts();
        Due d = batches.failed(messageId).orElseThrow(() -> new no.kraft.cis.rule.ConflictException("message", "inbound.notFailed",
                "message " + messageId + " has not failed"));
        process(d.batch(), d.position(), counts, d.position(), Runnable::run);
        return new Result(0, counts.applied, counts.ignored, counts.failed, counts.seen);
    }

    /**
     * Walks the batch from {@code from}; with {@code only} set, just that one message. Returns how many messages the
     * batch holds.
     */
    private int process(UUID batch, int from, Counts counts, Integer only, Writes writes) {
        int next = from;
        while (true) {
            try (java.io.InputStream body = batches.body(batch)) {
                return BatchReader.forEach(body, next, (position, r) -> {
                    if (only != null && position != only) {
                        skip(r);
                        return;
                    }
                    handle(batch, position, r, counts, writes);
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (BatchReader.Failed failed) {
                // the message could not be read to its end: recorded, and the walk starts again after it — unless the
                // batch itself is unreadable from there on, when nothing after it can be reached
                if (failed.getCause() instanceof DataAccessException db) {
                    throw db;
                }
                if (failed.getCause() instanceof Pipeline.Stopped stopped) {
                    throw stopped;
                }
                String id = syntheticId(batch, failed.position());
                writes.then(() -> {
                    if (batches.outcome(id).isEmpty() || !failed.broken()) {
                        fail(batch, failed.position(), id, "(unread)", null, null, failed.getCause(), counts);
                    }
                });
                if (only != null || failed.broken() || failed.position() < next) {
                    return failed.position();
                }
                next = failed.position() + 1;
            }
        }
    }

    /** Reads the message the reader is on (this thread) and hands what it means to write to {@code writes}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(UUID batch, int position, XMLStreamReader r, Counts counts, Writes writes) throws XMLStreamException {
        MessageHandler handler = handlers.get(r.getNamespaceURI() + " " + r.getLocalName());
        String document = r.getLocalName();
        if (handler == null) {
            String id = headerId(r);
            writes.then(() -> {
                if (batches.outcome(id).isEmpty()) {
                    transaction.executeWithoutResult(s -> batches.record(id, batch, position, document, null, PollBatches.Outcome.IGNORED,
                            "not handled yet: " + document, null, null));
                    counts.ignored++;
                } else {
                    counts.seen++;
                }
            });
            return;
        }
        Object message;
        try {
            message = handler.read(r, id -> PollBatches.isUuid((String) id) && applied((String) id));
        } catch (InvalidMessage invalid) {
            throw invalid;   // the walk stops here and starts again after this message
        }
        if (message == null) {
            writes.then(() -> counts.seen++);
            return;
        }
        String id = handler.messageId(message);
        if (!PollBatches.isUuid(id)) {
            // what Elhub never sends; recorded under a stand-in id (the message's own is no UUID to key it by)
            writes.then(() -> fail(batch, position, syntheticId(batch, position), document, handler.process(message),
                    handler.meteringPoint(message),
                    new InvalidMessage("message.identification", "the header Identification is not a lowercase UUID: " + id), counts));
            return;
        }
        writes.then(() -> apply(batch, position, document, handler, message, id, counts));
    }

    /** Applied or ignored before: a message seen again is not applied twice (a failed one is tried again). */
    private boolean applied(String id) {
        return batches.outcome(id).filter(o -> o != PollBatches.Outcome.FAILED).isPresent();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void apply(UUID batch, int position, String document, MessageHandler handler, Object message, String id, Counts counts) {
        if (applied(id)) {
            // the same message twice in a row (a batch served again): the first was not yet stored when this one was read
            counts.seen++;
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

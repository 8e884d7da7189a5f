package no.kraft.cis.elhub.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import no.kraft.cis.elhub.norgespris.ContractsApi;
import no.kraft.cis.elhub.norgespris.ElhubApiException;
import no.kraft.cis.elhub.norgespris.NorgesprisContract;
import no.kraft.cis.elhub.norgespris.NorgesprisStatusWriter;
import no.kraft.cis.elhub.workitem.WorkItem;
import no.kraft.cis.elhub.workitem.WorkItems;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.NorgesprisStatus;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.meteringpoint.PropertyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox's due commands to Elhub, one at a time: claim (own transaction) → call Elhub (no transaction
 * open) → record the outcome (own transaction). Retries with {@link Backoff} and honours {@code Retry-After}; a
 * {@link CircuitBreaker} holds commands back while Elhub is down. Never creates twice: a command tried before looks
 * for the contract the earlier attempt may have created before creating one, and {@code CONTRACT_ALREADY_EXISTS} for
 * the same metering point and start date counts as success. Refusals set 888 = −1 with Elhub's code and detail and
 * open a work item; a command without an answer by its deadline does the same as {@code NO_ANSWER}.
 */
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** What one delivery attempt came to. */
    sealed interface Outcome {
    }

    record Delivered(NorgesprisContract contract) implements Outcome {
    }

    record Rejected(String code, String detail, String request, String response) implements Outcome {
    }

    record Failed(ElhubApiException error) implements Outcome {
    }

    /** An EMIF message Elhub took (its business answer comes on a poll queue). */
    record Sent() implements Outcome {
    }

    private final Outbox outbox;
    private final ContractsApi api;
    private final NorgesprisStatusWriter writer;
    private final WorkItems workItems;
    private final MeteringPointService meteringPoints;
    private final CircuitBreaker breaker;
    private final Backoff backoff;
    private final Clock clock;
    private final RandomGenerator random;
    private final TransactionTemplate ownTransaction;
    private final java.util.Map<Command.Kind, EmifMessages> emif = new java.util.EnumMap<>(Command.Kind.class);

    /**
     * Sending EMIF messages (start of supply) and telling their processes what became of them; without it such
     * commands wait.
     */
    public interface EmifMessages {
        /** The kinds of command whose messages this sends. */
        java.util.Set<Command.Kind> kinds();

        /** Sends the message of the command's process; returns normally when Elhub took it. */
        void send(Command command);

        void sent(Command command);

        void failed(Command command, String reason);
    }

    public void sendEmifWith(EmifMessages messages) {
        messages.kinds().forEach(kind -> emif.put(kind, messages));
    }

    public OutboxRelay(Outbox outbox, ContractsApi api, NorgesprisStatusWriter writer, WorkItems workItems,
            MeteringPointService meteringPoints, CircuitBreaker breaker, Backoff backoff, Clock clock, RandomGenerator random,
            PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.api = api;
        this.writer = writer;
        this.workItems = workItems;
        this.meteringPoints = meteringPoints;
        this.breaker = breaker;
        this.backoff = backoff;
        this.clock = clock;
        this.random = random;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Delivers what is due now (at most {@code limit} commands); returns how many were attempted. */
    public int deliverDue(int limit) {
        int attempted = 0;
        while (attempted < limit) {
            Optional<Command> claimed = ownTransaction.execute(status ->
                    outbox.claimDue(c -> backoff.next(clock.instant(), c.attempts() + 1, random.nextDouble(), null)));
            if (claimed.isEmpty()) {
                break;
            }
            Command command = claimed.get();
            Optional<Instant> held = breaker.openUntil();
            if (held.isPresent() && clock.instant().isBefore(command.deadlineAt())) {
                ownTransaction.executeWithoutResult(status -> outbox.postpone(command.id(), held.get()));
                break;
            }
            Outcome outcome = held.isPresent()
                    ? new Failed(new ElhubApiException(0, "CIRCUIT_OPEN", "Elhub held back after repeated failures", null))
                    : send(command);
            record(command, outcome);
            attempted++;
        }
        return attempted;
    }

    private Outcome send(Command command) {
        try {
            Outcome outcome = switch (command.kind()) {
                case ORDER_NORGESPRIS -> order(command);
                case CANCEL_NORGESPRIS -> cancel(command);
                case REQUEST_START_OF_SUPPLY, CANCEL_START_OF_SUPPLY, ROLLBACK_START_OF_SUPPLY, REQUEST_END_OF_SUPPLY,
                        CANCEL_END_OF_SUPPLY, ROLLBACK_END_OF_SUPPLY, UPDATE_CUSTOMER_INFORMATION -> {
                    emif.get(command.kind()).send(command);
                    yield new Sent();
                }
            };
            breaker.succeeded();
            return outcome;
        } catch (no.kraft.cis.elhub.emif.EmifFault fault) {
            // Elhub's first validation refused the message (schema, security): an integration error, not retried
            breaker.succeeded();
            return new Rejected("SOAP_FAULT" + (fault.codeGroup() == null ? "" : " " + fault.codeGroup()), fault.getMessage(),
                    requestOf(command), fault.answer());
        } catch (ElhubApiException e) {
            if (!e.retryable()) {
                breaker.succeeded();
                return new Rejected(e.code(), e.detail(), requestOf(command), e.body());
            }
            breaker.failed();
            return new Failed(e);
        }
    }

    private Outcome order(Command command) {
        if (command.attempts() > 1) {
            Optional<NorgesprisContract> earlier = created(command);
            if (earlier.isPresent()) {
                return new Delivered(earlier.get());
            }
        }
        try {
            return new Delivered(api.create(command.meteringPoint(), command.startDate()));
        } catch (ElhubApiException e) {
            if ("CONTRACT_ALREADY_EXISTS".equals(e.code())) {
                Optional<NorgesprisContract> same = created(command);
                if (same.isPresent()) {
                    return new Delivered(same.get());
                }
            }
            throw e;
        }
    }

    /** A live contract for the command's metering point and start date — what an earlier attempt would have made. */
    private Optional<NorgesprisContract> created(Command command) {
        return api.forMeteringPoints(List.of(command.meteringPoint())).stream()
                .filter(c -> command.meteringPoint().equals(c.meteringPointId()) && command.startDate().equals(c.startDate()))
                .filter(c -> c.status() == NorgesprisContract.Status.INITIATED || c.status() == NorgesprisContract.Status.ACTIVATED)
                .findFirst();
    }

    private Outcome cancel(Command command) {
        List<NorgesprisContract> contracts = api.forMeteringPoints(List.of(command.meteringPoint()));
        Optional<NorgesprisContract> target = contracts.stream()
                .filter(c -> command.contractId() == null ? c.status() == NorgesprisContract.Status.INITIATED
                        || c.status() == NorgesprisContract.Status.ACTIVATED : c.id().equals(command.contractId()))
                .reduce((a, b) -> b);
        if (target.isEmpty()) {
            return new Rejected("CONTRACT_NOT_FOUND_FOR_METERING_POINT", "no live Norgespris contract in Elhub for " + command.meteringPoint(),
                    requestOf(command), null);
        }
        if (target.get().status() == NorgesprisContract.Status.CANCELLED) {
            return new Delivered(target.get()); // an earlier attempt got through
        }
        return new Delivered(api.cancel(target.get().id()));
    }

    private String requestOf(Command command) {
        return switch (command.kind()) {
            case ORDER_NORGESPRIS -> "POST /contracts " + api.createBody(command.meteringPoint(), command.startDate());
            case CANCEL_NORGESPRIS -> "PATCH /contracts/" + command.contractId() + " "
                    + ContractsApi.cancelBody(command.contractId() == null ? "?" : command.contractId());
            case REQUEST_START_OF_SUPPLY -> "EMIF MarketProcesses RequestStartOfSupply (supply process " + command.supplyProcessId() + ")";
            case CANCEL_START_OF_SUPPLY -> "EMIF MarketProcesses RequestStartOfSupply E02 (cancelling supply process "
                    + command.supplyProcessId() + ")";
            case ROLLBACK_START_OF_SUPPLY -> "EMIF MarketProcesses RequestStartOfSupply E02 BRS-NO-111 (rolling back supply process "
                    + command.supplyProcessId() + ")";
            case REQUEST_END_OF_SUPPLY -> "EMIF MarketProcesses RequestEndOfSupply (supply process " + command.supplyProcessId() + ")";
            case CANCEL_END_OF_SUPPLY -> "EMIF MarketProcesses RequestEndOfSupply E02 (cancelling supply process "
                    + command.supplyProcessId() + ")";
            case ROLLBACK_END_OF_SUPPLY -> "EMIF MarketProcesses RequestEndOfSupply E02 BRS-NO-221 (rolling back supply process "
                    + command.supplyProcessId() + ")";
            case UPDATE_CUSTOMER_INFORMATION -> "EMIF MarketProcesses RequestUpdateCustomerInformation (customer update "
                    + command.customerUpdateId() + ")";
        };
    }

    private void record(Command claimed, Outcome outcome) {
        switch (outcome) {
            case Sent sent -> {
                boolean finished = Boolean.TRUE.equals(ownTransaction.execute(status -> {
                    if (outbox.lock(claimed.id()).status() != Command.Status.PENDING) {
                        return false;
                    }
                    outbox.finish(claimed.id(), Command.Status.DELIVERED, null, null);
                    emif.get(claimed.kind()).sent(claimed);
                    return true;
                }));
                LOG.debug("EMIF message of command {} sent: {}", claimed.id(), finished);
            }
            case Delivered delivered -> {
                boolean finished = Boolean.TRUE.equals(ownTransaction.execute(status -> {
                    if (outbox.lock(claimed.id()).status() != Command.Status.PENDING) {
                        return false;
                    }
                    outbox.finish(claimed.id(), Command.Status.DELIVERED, delivered.contract().id(), null);
                    return true;
                }));
                if (finished) {
                    // 888 in a transaction of its own: a conflict there becomes a work item, not a command stuck in the outbox
                    writer.write(delivered.contract(), true);
                }
            }
            case Rejected rejected -> {
                String reason = (rejected.code() == null ? "REJECTED" : rejected.code()) + ": "
                        + (rejected.detail() == null ? "refused by Elhub" : rejected.detail());
                finishWithError(claimed, Command.Status.REJECTED,
                        claimed.kind().norgespris() ? WorkItem.Kind.REJECTED : WorkItem.Kind.INTEGRATION_ERROR, reason, rejected.request(),
                        rejected.response());
            }
            case Failed failed -> {
                Instant now = clock.instant();
                if (!now.isBefore(claimed.deadlineAt())) {
                    String reason = "NO_ANSWER: no answer from Elhub by " + claimed.deadlineAt() + " after " + claimed.attempts()
                            + " attempts; last: " + failed.error().getMessage();
                    finishWithError(claimed, Command.Status.EXPIRED, WorkItem.Kind.NO_ANSWER, reason, requestOf(claimed), failed.error().body());
                } else {
                    Instant notBefore = failed.error().retryAfter() == null ? now : now.plus(failed.error().retryAfter());
                    ownTransaction.executeWithoutResult(status -> outbox.failed(claimed.id(), failed.error().getMessage(), notBefore));
                    LOG.info("Elhub command {} attempt {} failed, will retry: {}", claimed.id(), claimed.attempts(), failed.error().getMessage());
                }
            }
        }
    }

    private void finishWithError(Command claimed, Command.Status status, WorkItem.Kind kind, String reason, String request, String response) {
        boolean finished = Boolean.TRUE.equals(ownTransaction.execute(tx -> {
            if (outbox.lock(claimed.id()).status() != Command.Status.PENDING) {
                return false;
            }
            outbox.finish(claimed.id(), status, null, reason);
            workItems.open(kind, claimed.meteringPoint(), claimed.id(), claimed.kind() + " " + reason, request, response);
            return true;
        }));
        if (finished && claimed.kind().norgespris()) {
            markError(claimed, reason);
        } else if (finished) {
            ownTransaction.executeWithoutResult(tx -> emif.get(claimed.kind()).failed(claimed, reason));
        }
    }

    /** 888 = −1 with the reason, from the date of the waiting value (0 or 2) it replaces. */
    private void markError(Command claimed, String reason) {
        try {
            ownTransaction.executeWithoutResult(tx -> {
                MeteringPointId id = new MeteringPointId(claimed.meteringPoint());
                meteringPoints.get(id).latestProperty(PropertyCode.NORGESPRIS)
                        .filter(v -> v.value() == NorgesprisStatus.REGISTERED.code() || v.value() == NorgesprisStatus.CANCELLATION_REGISTERED.code())
                        .map(PropertyValue::period)
                        .ifPresent(period -> meteringPoints.setProperty(id, null, PropertyCode.NORGESPRIS, NorgesprisStatus.ERROR.code(),
                                reason.length() > 500 ? reason.substring(0, 500) : reason, period.from()));
            });
        } catch (RuntimeException e) {
            LOG.warn("could not set 888 = -1 on {} after command {}: {}", claimed.meteringPoint(), claimed.id(), e.getMessage());
        }
    }
}

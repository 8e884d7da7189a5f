package no.kraft.cis.elhub.market;

import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.outbox.Command;
import no.kraft.cis.elhub.outbox.OutboxRelay;

/** The outbox's way to send a supply process's stored message over EMIF MarketProcesses, and to record the outcome. */
public class SupplySending implements OutboxRelay.EmifMessages {

    private final SupplyProcesses processes;
    private final EmifSoap soap;
    private final String url;

    private final org.springframework.context.ApplicationEventPublisher events;

    public SupplySending(SupplyProcesses processes, EmifSoap soap, String marketProcessesUrl,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.processes = processes;
        this.soap = soap;
        this.url = marketProcessesUrl;
    }

    @Override
    public java.util.Set<Command.Kind> kinds() {
        return java.util.EnumSet.of(Command.Kind.REQUEST_START_OF_SUPPLY, Command.Kind.CANCEL_START_OF_SUPPLY,
                Command.Kind.ROLLBACK_START_OF_SUPPLY, Command.Kind.REQUEST_END_OF_SUPPLY, Command.Kind.CANCEL_END_OF_SUPPLY,
                Command.Kind.ROLLBACK_END_OF_SUPPLY);
    }

    @Override
    public void send(Command command) {
        // the stored message, with the Identification it was given when it was requested: a retry is the same message
        long id = command.supplyProcessId();
        String message = switch (command.kind()) {
            case CANCEL_START_OF_SUPPLY, CANCEL_END_OF_SUPPLY -> processes.cancelMessage(id);
            case ROLLBACK_START_OF_SUPPLY, ROLLBACK_END_OF_SUPPLY -> processes.rollbackMessage(id);
            default -> processes.message(id);
        };
        String operation = switch (command.kind()) {
            case REQUEST_END_OF_SUPPLY, CANCEL_END_OF_SUPPLY, ROLLBACK_END_OF_SUPPLY -> "RequestEndOfSupply";
            default -> "RequestStartOfSupply";
        };
        soap.call(url, operation, soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, operation + "Request", message));
    }

    @Override
    public void sent(Command command) {
        if (command.kind() == Command.Kind.REQUEST_START_OF_SUPPLY || command.kind() == Command.Kind.REQUEST_END_OF_SUPPLY) {
            processes.sent(command.supplyProcessId());
        }
    }

    @Override
    public void failed(Command command, String reason) {
        if (command.kind() == Command.Kind.CANCEL_START_OF_SUPPLY || command.kind() == Command.Kind.CANCEL_END_OF_SUPPLY) {
            // the cancellation did not get through: the start stands as it was, with the reason
            processes.cancellationRefused(command.supplyProcessId(), "INTEGRATION_ERROR", reason);
            return;
        }
        if (command.kind() == Command.Kind.ROLLBACK_START_OF_SUPPLY || command.kind() == Command.Kind.ROLLBACK_END_OF_SUPPLY) {
            processes.rollbackRefused(command.supplyProcessId(), "INTEGRATION_ERROR", reason);
            return;
        }
        processes.closed(command.supplyProcessId(), SupplyProcesses.Status.FAILED, reason.startsWith("NO_ANSWER") ? "NO_ANSWER"
                : "INTEGRATION_ERROR", reason);
        SupplyAnswers.tell(events, processes, command.supplyProcessId());
    }
}

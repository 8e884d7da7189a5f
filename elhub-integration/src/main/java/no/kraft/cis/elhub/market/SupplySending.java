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
    public void send(Command command) {
        // the stored message, with the Identification it was given when it was requested: a retry is the same message
        String message = command.kind() == Command.Kind.CANCEL_START_OF_SUPPLY ? processes.cancelMessage(command.supplyProcessId())
                : processes.message(command.supplyProcessId());
        soap.call(url, "RequestStartOfSupply", soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, "RequestStartOfSupplyRequest", message));
    }

    @Override
    public void sent(Command command) {
        if (command.kind() == Command.Kind.REQUEST_START_OF_SUPPLY) {
            processes.sent(command.supplyProcessId());
        }
    }

    @Override
    public void failed(Command command, String reason) {
        if (command.kind() == Command.Kind.CANCEL_START_OF_SUPPLY) {
            // the cancellation did not get through: the start stands as it was, with the reason
            processes.cancellationRefused(command.supplyProcessId(), "INTEGRATION_ERROR", reason);
            return;
        }
        processes.closed(command.supplyProcessId(), SupplyProcesses.Status.FAILED, reason.startsWith("NO_ANSWER") ? "NO_ANSWER"
                : "INTEGRATION_ERROR", reason);
        SupplyAnswers.tell(events, processes, command.supplyProcessId());
    }
}

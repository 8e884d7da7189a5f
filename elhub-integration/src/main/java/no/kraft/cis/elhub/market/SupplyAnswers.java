package no.kraft.cis.elhub.market;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import no.kraft.cis.elhub.emif.MessageFields;
import no.kraft.cis.elhub.inbound.MessageHandler;
import no.kraft.cis.elhub.metering.InvalidMessage;
import no.kraft.cis.elhub.workitem.WorkItem;
import no.kraft.cis.elhub.workitem.WorkItems;
import no.kraft.cis.period.NorwegianTime;

/**
 * Elhub's answers to our start of supply, from the PollMarketProcesses queue: {@code ConfirmStartOfSupply} (414; 294
 * in some of Elhub's test pages — both read) and {@code RejectStartOfSupply} refer to our request by its
 * Identification; {@code NotifyStartOfSupply} comes after the cancellation deadline and names the metering point and
 * date. A rejection closes the process with Elhub's reason and what to do, and opens a work item for staff.
 */
public final class SupplyAnswers {

    private SupplyAnswers() {
    }

    public static List<MessageHandler<?>> handlers(SupplyProcesses processes, WorkItems workItems,
            org.springframework.context.ApplicationEventPublisher events) {
        return List.of(new Confirm(processes, events), new Reject(processes, workItems, events), new Notify(processes, events));
    }

    static void tell(org.springframework.context.ApplicationEventPublisher events, SupplyProcesses processes, long id) {
        SupplyProcesses.Process p = processes.get(id);
        events.publishEvent(new SupplyStartAnswered(p.id(), p.meteringPointId(), p.startDate(), p.status(), p.reasonCode(), p.reason()));
    }

    private abstract static class Answer extends FieldsHandler {

        Answer(String root) {
            super("market", root);
        }

        SupplyProcesses.Process ours(SupplyProcesses processes, MessageFields m) {
            String reference = m.first("OriginalBusinessDocumentReference");
            return processes.byRequest(reference == null ? "" : reference).orElseThrow(() -> new InvalidMessage("supplyProcess.unknown",
                    root() + " refers to " + reference + ", which is no start of supply of ours"));
        }
    }

    static final class Confirm extends Answer {

        private final SupplyProcesses processes;
        private final org.springframework.context.ApplicationEventPublisher events;

        Confirm(SupplyProcesses processes, org.springframework.context.ApplicationEventPublisher events) {
            super("ConfirmStartOfSupply");
            this.processes = processes;
            this.events = events;
        }

        @Override
        public String apply(MessageFields m) {
            String reference = m.first("OriginalBusinessDocumentReference");
            var cancelled = processes.byCancelRequest(reference == null ? "" : reference);
            if (cancelled.isPresent()) {
                processes.cancelled(cancelled.get().id());
                tell(events, processes, cancelled.get().id());
                return "cancellation of start of supply " + cancelled.get().id() + " confirmed";
            }
            SupplyProcesses.Process p = ours(processes, m);
            processes.confirmed(p.id());
            tell(events, processes, p.id());
            return "start of supply " + p.id() + " (" + p.meteringPointId() + " from " + p.startDate() + ") confirmed";
        }
    }

    static final class Reject extends Answer {

        private final SupplyProcesses processes;
        private final WorkItems workItems;
        private final org.springframework.context.ApplicationEventPublisher events;

        Reject(SupplyProcesses processes, WorkItems workItems, org.springframework.context.ApplicationEventPublisher events) {
            super("RejectStartOfSupply");
            this.processes = processes;
            this.workItems = workItems;
            this.events = events;
        }

        @Override
        public String apply(MessageFields m) {
            List<String> codes = m.all("ResponseReasonType");
            String reference = m.first("OriginalBusinessDocumentReference");
            var cancelling = processes.byCancelRequest(reference == null ? "" : reference);
            if (cancelling.isPresent()) {
                // the cancellation is refused (too late, or nothing to cancel): the start stands
                SupplyProcesses.Process p = cancelling.get();
                String why = codes.isEmpty() ? "no reason code" : String.join("; ", codes.stream().map(c -> c + ": "
                        + RejectionReasons.meaning(c)).toList());
                processes.cancellationRefused(p.id(), String.join(",", codes), why);
                workItems.open(WorkItem.Kind.REJECTED, p.meteringPointId(), null, "Cancelling the start of supply " + p.brs() + " from "
                        + p.startDate() + " was refused by Elhub: " + why, processes.cancelMessage(p.id()), null);
                tell(events, processes, p.id());
                return "cancellation of start of supply " + p.id() + " refused: " + String.join(",", codes);
            }
            SupplyProcesses.Process p = ours(processes, m);
            String code = codes.isEmpty() ? "REJECTED" : String.join(",", codes);
            String reason = codes.isEmpty() ? "Elhub rejected it without a reason code"
                    : String.join("; ", codes.stream().map(c -> c + ": " + RejectionReasons.meaning(c)).toList());
            processes.closed(p.id(), SupplyProcesses.Status.REJECTED, code, reason);
            tell(events, processes, p.id());
            workItems.open(WorkItem.Kind.REJECTED, p.meteringPointId(), null, "Start of supply " + p.brs() + " from " + p.startDate()
                    + " rejected by Elhub: " + reason, processes.message(p.id()), null);
            return "start of supply " + p.id() + " rejected: " + code;
        }
    }

    static final class Notify extends Answer {

        private final SupplyProcesses processes;
        private final org.springframework.context.ApplicationEventPublisher events;

        Notify(SupplyProcesses processes, org.springframework.context.ApplicationEventPublisher events) {
            super("NotifyStartOfSupply");
            this.processes = processes;
            this.events = events;
        }

        @Override
        public String apply(MessageFields m) {
            String point = meteringPoint(m);
            String start = m.first("StartOfOccurrence");
            if (point == null || start == null) {
                throw new InvalidMessage("notify.incomplete", "NotifyStartOfSupply without metering point or StartOfOccurrence");
            }
            LocalDate day = OffsetDateTime.parse(start).atZoneSameInstant(NorwegianTime.ZONE).toLocalDate();
            SupplyProcesses.Process p = processes.inProgress(point, day).orElseThrow(() -> new InvalidMessage("supplyProcess.unknown",
                    "Elhub notifies our supply of " + point + " from " + day + ", which we did not ask for"));
            processes.notified(p.id());
            tell(events, processes, p.id());
            return "start of supply " + p.id() + " (" + point + " from " + day + ") notified: ours from then";
        }
    }
}

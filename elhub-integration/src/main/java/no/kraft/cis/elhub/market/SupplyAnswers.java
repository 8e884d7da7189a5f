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
 * Elhub's answers to our supply processes, from the PollMarketProcesses queue: {@code ConfirmStartOfSupply} (414; 294
 * in some of Elhub's test pages — both read), {@code RejectStartOfSupply}, {@code ConfirmEndOfSupply} and
 * {@code RejectEndOfSupply} (406) refer to our request — or to its cancellation or rollback — by its Identification;
 * {@code NotifyStartOfSupply} comes after the cancellation deadline and names the metering point and date. A rejection
 * closes the process with Elhub's reason and what to do, and opens a work item for staff. A confirmed end ends our
 * delivery on its date; a confirmed rollback withdraws the delivery that began on the start date.
 */
public final class SupplyAnswers {

    private SupplyAnswers() {
    }

    public static List<MessageHandler<?>> handlers(SupplyProcesses processes, WorkItems workItems, Deliveries deliveries,
            org.springframework.context.ApplicationEventPublisher events) {
        return List.of(new Confirm("ConfirmStartOfSupply", processes, workItems, deliveries, events),
                new Confirm("ConfirmEndOfSupply", processes, workItems, deliveries, events),
                new Reject("RejectStartOfSupply", processes, workItems, events), new Reject("RejectEndOfSupply", processes, workItems, events),
                new Notify(processes, workItems, events));
    }

    static void tell(org.springframework.context.ApplicationEventPublisher events, SupplyProcesses processes, long id) {
        SupplyProcesses.Process p = processes.get(id);
        events.publishEvent(new SupplyStartAnswered(p.id(), p.meteringPointId(), p.startDate(), p.status(), p.reasonCode(), p.reason()));
    }

    private abstract static class Answer extends FieldsHandler {

        final SupplyProcesses processes;
        final WorkItems workItems;
        final org.springframework.context.ApplicationEventPublisher events;

        Answer(String root, SupplyProcesses processes, WorkItems workItems, org.springframework.context.ApplicationEventPublisher events) {
            super("market", root);
            this.processes = processes;
            this.workItems = workItems;
            this.events = events;
        }

        String reference(MessageFields m) {
            String reference = m.first("OriginalBusinessDocumentReference");
            return reference == null ? "" : reference;
        }

        SupplyProcesses.Process ours(MessageFields m) {
            return processes.byRequest(reference(m)).orElseThrow(() -> new InvalidMessage("supplyProcess.unknown",
                    root() + " refers to " + reference(m) + ", which is no supply process of ours"));
        }

        /**
         * Elhub took a request we had given up on (no answer before the deadline: the call may have reached Elhub and
         * only its answer got lost). The point is then ours, or not ours, in Elhub but not here: for staff to set right.
         */
        String lateAnswer(SupplyProcesses.Process p, String what, String message) {
            workItems.open(WorkItem.Kind.DATA_CONFLICT, p.meteringPointId(), null, "Elhub " + what + " " + p.brs() + " for "
                    + p.meteringPointId() + " on " + p.startDate() + " after we had given it up (" + p.reasonCode() + "): place it again "
                    + "here, or correct it in Elhub", message, null);
            return p.kind() + " " + p.id() + " was " + p.status() + "; Elhub " + what + " it late: work item opened";
        }
    }

    static final class Confirm extends Answer {

        private final Deliveries deliveries;

        Confirm(String root, SupplyProcesses processes, WorkItems workItems, Deliveries deliveries,
                org.springframework.context.ApplicationEventPublisher events) {
            super(root, processes, workItems, events);
            this.deliveries = deliveries;
        }

        @Override
        public String apply(MessageFields m) {
            var cancelled = processes.byCancelRequest(reference(m));
            if (cancelled.isPresent()) {
                SupplyProcesses.Process p = cancelled.get();
                if (p.status() != SupplyProcesses.Status.CANCELLING) {
                    return "cancellation of " + what(p) + p.id() + " confirmed again: " + p.status() + " already";
                }
                processes.cancelled(p.id());
                String takenBack = p.kind().ending() ? ": " + takeBack(p, "cancelled") : "";
                tell(events, processes, p.id());
                return "cancellation of " + what(p) + p.id() + " confirmed" + takenBack;
            }
            var rolledBack = processes.byRollbackRequest(reference(m));
            if (rolledBack.isPresent()) {
                SupplyProcesses.Process p = rolledBack.get();
                if (p.status() != SupplyProcesses.Status.ROLLING_BACK) {
                    return "rollback of start of supply " + p.id() + " confirmed again: " + p.status() + " already";
                }
                processes.rolledBack(p.id());
                if (p.kind().ending()) {
                    String takenBack = takeBack(p, "rolled back");
                    tell(events, processes, p.id());
                    return "rollback of end of supply " + p.id() + " confirmed: " + takenBack;
                }
                List<String> withdrawn = deliveries.withdrawFrom(p.meteringPointId(), p.startDate());
                tell(events, processes, p.id());
                return "rollback of start of supply " + p.id() + " confirmed: " + (withdrawn.isEmpty() ? "no delivery of ours began on "
                        + p.startDate() : String.join(", ", withdrawn) + " withdrawn");
            }
            SupplyProcesses.Process p = ours(m);
            if (p.status() == SupplyProcesses.Status.FAILED) {
                return lateAnswer(p, "confirmed", processes.message(p.id()));
            }
            boolean open = p.closedAt() == null;
            processes.confirmed(p.id());
            if (p.kind().ending()) {
                String what = open ? String.join(", ", deliveries.endOn(p.meteringPointId(), p.startDate(), d -> processes.ended(p.id(), d)))
                        : "confirmed before";
                tell(events, processes, p.id());
                return "end of supply " + p.id() + " (" + p.meteringPointId() + " from " + p.startDate() + ") confirmed: "
                        + (what.isEmpty() ? "no delivery of ours ran into it" : what);
            }
            tell(events, processes, p.id());
            return "start of supply " + p.id() + " (" + p.meteringPointId() + " from " + p.startDate() + ") confirmed";
        }

        /**
         * The end Elhub confirmed did not happen after all: the deliveries it ended run on. One changed here since (staff
         * ended or replaced it) is left as it is, with a work item naming it.
         */
        private String takeBack(SupplyProcesses.Process p, String how) {
            Deliveries.TakenBack result = deliveries.takeBack(processes.endedDeliveries(p.id()), p.startDate());
            if (!result.left().isEmpty()) {
                workItems.open(WorkItem.Kind.DATA_CONFLICT, p.meteringPointId(), null, "Elhub " + how + " the end of supply " + p.brs()
                        + " from " + p.startDate() + " for " + p.meteringPointId() + ", but not every delivery it ended could run on: "
                        + String.join("; ", result.left()) + " — set the delivery right here", processes.message(p.id()), null);
            }
            List<String> all = new java.util.ArrayList<>(result.done());
            result.left().forEach(l -> all.add(l + " (left: work item)"));
            return all.isEmpty() ? "no delivery of ours had ended on " + p.startDate() : String.join(", ", all);
        }
    }

    static String what(SupplyProcesses.Process p) {
        return p.kind().ending() ? "end of supply " : "start of supply ";
    }

    static final class Reject extends Answer {

        Reject(String root, SupplyProcesses processes, WorkItems workItems, org.springframework.context.ApplicationEventPublisher events) {
            super(root, processes, workItems, events);
        }

        @Override
        public String apply(MessageFields m) {
            List<String> codes = m.all("ResponseReasonType");
            String why = codes.isEmpty() ? "Elhub rejected it without a reason code"
                    : String.join("; ", codes.stream().map(c -> c + ": " + RejectionReasons.meaning(c)).toList());
            String code = codes.isEmpty() ? "REJECTED" : String.join(",", codes);
            var cancelling = processes.byCancelRequest(reference(m));
            if (cancelling.isPresent()) {
                // the cancellation is refused (too late, or nothing to cancel): the start stands
                SupplyProcesses.Process p = cancelling.get();
                processes.cancellationRefused(p.id(), code, why);
                workItems.open(WorkItem.Kind.REJECTED, p.meteringPointId(), null, "Cancelling the " + what(p) + p.brs() + " from "
                        + p.startDate() + " was refused by Elhub: " + why, processes.cancelMessage(p.id()), null);
                tell(events, processes, p.id());
                return "cancellation of " + what(p) + p.id() + " refused: " + code;
            }
            var rollingBack = processes.byRollbackRequest(reference(m));
            if (rollingBack.isPresent()) {
                SupplyProcesses.Process p = rollingBack.get();
                processes.rollbackRefused(p.id(), code, why);
                workItems.open(WorkItem.Kind.REJECTED, p.meteringPointId(), null, "Rolling back the " + what(p) + p.brs() + " from "
                        + p.startDate() + " was refused by Elhub: " + why, processes.rollbackMessage(p.id()), null);
                tell(events, processes, p.id());
                return "rollback of " + what(p) + p.id() + " refused: " + code;
            }
            SupplyProcesses.Process p = ours(m);
            if (p.status() == SupplyProcesses.Status.FAILED) {
                return p.kind() + " " + p.id() + " was " + p.status() + " already; Elhub's rejection (" + code + ") agrees";
            }
            processes.closed(p.id(), SupplyProcesses.Status.REJECTED, code, why);
            tell(events, processes, p.id());
            String what = p.kind().ending() ? "End of supply " : "Start of supply ";
            workItems.open(WorkItem.Kind.REJECTED, p.meteringPointId(), null, what + p.brs() + " from " + p.startDate()
                    + " rejected by Elhub: " + why, processes.message(p.id()), null);
            return what.toLowerCase(java.util.Locale.ROOT) + p.id() + " rejected: " + code;
        }
    }

    static final class Notify extends Answer {

        Notify(SupplyProcesses processes, WorkItems workItems, org.springframework.context.ApplicationEventPublisher events) {
            super("NotifyStartOfSupply", processes, workItems, events);
        }

        @Override
        public String apply(MessageFields m) {
            String point = meteringPoint(m);
            String start = m.first("StartOfOccurrence");
            if (point == null || start == null) {
                throw new InvalidMessage("notify.incomplete", "NotifyStartOfSupply without metering point or StartOfOccurrence");
            }
            LocalDate day = OffsetDateTime.parse(start).atZoneSameInstant(NorwegianTime.ZONE).toLocalDate();
            var open = processes.inProgress(point, day);
            if (open.isEmpty()) {
                var failed = processes.forMeteringPoint(point).stream().filter(p -> !p.kind().ending() && p.startDate().equals(day)
                        && p.status() == SupplyProcesses.Status.FAILED).findFirst();
                if (failed.isPresent()) {
                    return lateAnswer(failed.get(), "notified", processes.message(failed.get().id()));
                }
                throw new InvalidMessage("supplyProcess.unknown", "Elhub notifies our supply of " + point + " from " + day
                        + ", which we did not ask for");
            }
            SupplyProcesses.Process p = open.get();
            processes.notified(p.id());
            tell(events, processes, p.id());
            return "start of supply " + p.id() + " (" + point + " from " + day + ") notified: ours from then";
        }
    }
}

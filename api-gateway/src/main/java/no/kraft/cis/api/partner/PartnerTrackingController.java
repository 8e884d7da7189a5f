package no.kraft.cis.api.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.consent.order.ContractOrder;
import no.kraft.cis.consent.order.OrderBook;
import no.kraft.cis.consent.order.OrderNumber;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.security.PartnerCallGate;
import no.kraft.cis.servicecase.CaseFilter;
import no.kraft.cis.servicecase.ServiceCase;
import no.kraft.cis.servicecase.ServiceCases;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner follows up what it placed: its contract orders (move-ins, switches) and its work orders, and only those.
 * Someone else's order or case answers 404, exactly as one that does not exist, so numbers cannot be probed. The
 * answers carry no personal data: no names, national IDs, contact details or free text written by staff; the process
 * log gives each step's code, name, result and info codes, without the info texts (they may name a customer).
 */
@Tag(name = "Partner: follow-up", description = "The contract orders (scope orders:write) and work orders (scope cases:write) "
        + "the calling client placed")
@RestController
class PartnerTrackingController {

    private static final int LIMIT = 100;

    private final OrderBook orders;
    private final ServiceCases cases;

    PartnerTrackingController(OrderBook orders, ServiceCases cases) {
        this.orders = orders;
        this.cases = cases;
    }

    record OrderSummary(@Schema(example = "9000001") long orderNumber, @Schema(example = "MOVE_IN") String kind,
            @Schema(example = "ON_HOLD") String stage, @Schema(example = "WAITING") String status,
            @Schema(example = "707057500000000018") String meteringPointId, @Schema(example = "SPOT") String productCode,
            @Schema(example = "2026-04-01") LocalDate startDate,
            @Schema(example = "1000001", description = "the account, once known (after import for a new customer)") Long customerNumber,
            Instant createdAt, Instant updatedAt) {

        static OrderSummary of(ContractOrder o) {
            return new OrderSummary(o.number().value(), o.kind().name(), o.stage().name(), o.status().name(), o.meteringPointId(),
                    o.productCode(), o.startDate(), o.customerNumber(), o.createdAt(), o.updatedAt());
        }
    }

    record OrderStep(Instant at, @Schema(example = "ON_HOLD") String stage, @Schema(example = "CONSENT_START") String code,
            @Schema(example = "Start consent control") String name, @Schema(example = "CONSENT") String category,
            @Schema(example = "OK") String result, @Schema(example = "ON_HOLD") String status,
            @Schema(example = "[\"CONSENT_STARTED\"]") List<String> infoCodes) {

        static OrderStep of(ContractOrder.Step s) {
            return new OrderStep(s.at(), s.stage().name(), s.code(), s.name(), s.category(), s.result().name(), s.status(),
                    s.info().stream().map(ContractOrder.Info::code).toList());
        }
    }

    record OrderProgress(OrderSummary order, List<OrderStep> steps) {
    }

    @Operation(summary = "The contract orders this client placed, newest first (at most 100)")
    @GetMapping("/api/v1/partner/contract-orders")
    List<OrderSummary> myOrders(Principal caller, HttpServletRequest request) {
        List<ContractOrder> mine = orders.placedBy(caller.getName(), LIMIT);
        PartnerCallGate.concerns(request, mine.stream().map(ContractOrder::customerNumber).filter(n -> n != null).distinct().toList());
        return mine.stream().map(OrderSummary::of).toList();
    }

    @Operation(summary = "One of this client's contract orders with its process log (prosesslogg)",
            description = "404 for an order this client did not place.")
    @GetMapping("/api/v1/partner/contract-orders/{orderNumber}")
    OrderProgress myOrder(@Parameter(example = "9000001") @PathVariable String orderNumber, Principal caller,
            HttpServletRequest request) {
        OrderNumber number = FieldValidation.parse("orderNumber", () -> OrderNumber.parse(orderNumber));
        ContractOrder order = orders.find(number).filter(o -> o.createdBy().equals(caller.getName()))
                .orElseThrow(() -> new NotFoundException("order", number));
        if (order.customerNumber() != null) {
            PartnerCallGate.concerns(request, List.of(order.customerNumber()));
        }
        return new OrderProgress(OrderSummary.of(order), orders.steps(order.id()).stream().map(OrderStep::of).toList());
    }

    record WorkOrderProgress(@Schema(example = "700001") long caseNumber, @Schema(example = "1000001") Long customerNumber,
            @Schema(example = "IN_PROGRESS") String status, String title, String description, Instant openedAt,
            @Schema(description = "messages on the case (their text is staff's and not shown)") int messages) {

        static WorkOrderProgress of(ServiceCase c) {
            return new WorkOrderProgress(c.caseNumber(), c.customerNumber(), c.status().name(), c.title(), c.description(), c.openedAt(),
                    c.messages().size());
        }
    }

    @Operation(summary = "The work orders this client opened, nearest deadline first (at most 100)")
    @GetMapping("/api/v1/partner/work-orders")
    List<WorkOrderProgress> myWorkOrders(Principal caller, HttpServletRequest request) {
        List<ServiceCase> mine = cases.list(CaseFilter.openedBy(caller.getName(), ServiceCase.Kind.WORK_ORDER), 0, LIMIT).items();
        PartnerCallGate.concerns(request, mine.stream().map(ServiceCase::customerNumber).filter(n -> n != null).distinct().toList());
        // the list leaves messages out; a partner's own work orders are few, so each is read whole for its message count
        return mine.stream().map(c -> WorkOrderProgress.of(cases.get(c.caseNumber()))).toList();
    }

    @Operation(summary = "One of this client's work orders", description = "404 for a case this client did not open, or not a work order.")
    @GetMapping("/api/v1/partner/work-orders/{caseNumber}")
    WorkOrderProgress myWorkOrder(@Parameter(example = "700001") @PathVariable String caseNumber, Principal caller,
            HttpServletRequest request) {
        long number = FieldValidation.parse("caseNumber", () -> RequestValues.number("caseNumber", caseNumber));
        ServiceCase found;
        try {
            found = cases.get(number);
        } catch (NotFoundException e) {
            throw new NotFoundException("work order", number);
        }
        if (!caller.getName().equals(found.origin()) || found.kind() != ServiceCase.Kind.WORK_ORDER) {
            throw new NotFoundException("work order", number);
        }
        if (found.customerNumber() != null) {
            PartnerCallGate.concerns(request, List.of(found.customerNumber()));
        }
        return WorkOrderProgress.of(found);
    }
}

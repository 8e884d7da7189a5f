package no.kraft.cis.api.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.api.contract.ContractBodies.DeliveryBody;
import no.kraft.cis.api.contract.ContractBodies.EndDeliveryBody;
import no.kraft.cis.api.contract.ContractBodies.NewContractBody;
import no.kraft.cis.api.contract.ContractBodies.ProductChangeBody;
import no.kraft.cis.contract.Contract;
import no.kraft.cis.contract.ContractNumber;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.contract.NewContract;
import no.kraft.cis.contract.NewDelivery;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Contracts", description = "Contracts (kontrakter) and their deliveries (leveranser)")
@RestController
class ContractController {

    private final ContractService contracts;
    private final CustomerService customers;
    private final no.kraft.cis.consent.order.ContractOrders orders;

    ContractController(ContractService contracts, CustomerService customers, no.kraft.cis.consent.order.ContractOrders orders) {
        this.contracts = contracts;
        this.customers = customers;
        this.orders = orders;
    }

    @Operation(summary = "Open a contract with its deliveries",
            description = "A metering point can be on at most one delivery on any day (409 delivery.overlap otherwise), and not "
                    + "on one opened by hand while a contract order for it is in progress (409 contract.orderInProgress).")
    @PostMapping("/api/v1/contracts")
    ResponseEntity<ContractResponse> open(@RequestBody NewContractBody body) {
        FieldValidation check = new FieldValidation();
        CustomerNumber customer = check.required("customerNumber", body.customerNumber(),
                () -> CustomerNumber.parse(body.customerNumber()));
        check.required("startDate", body.startDate(), body::startDate);
        List<NewDelivery> deliveries = new ArrayList<>();
        List<DeliveryBody> bodies = body.deliveries() == null ? List.of() : body.deliveries();
        for (int i = 0; i < bodies.size(); i++) {
            if (bodies.get(i) == null) {
                check.reject("deliveries[" + i + "]", "required", "a delivery must be an object");
            } else {
                deliveries.add(bodies.get(i).toCommand(check, "deliveries[" + i + "]."));
            }
        }
        check.throwIfInvalid();
        for (int i = 0; i < deliveries.size(); i++) {
            orders.requireNoOpenOrder(deliveries.get(i).meteringPointId(), "deliveries[" + i + "].meteringPointId");
        }
        Contract contract = contracts.open(new NewContract(customer, body.startDate(), deliveries));
        ContractResponse response = view(contract);
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + response.contractNumber())).body(response);
    }

    @Operation(summary = "Get a contract")
    @GetMapping("/api/v1/contracts/{contractNumber}")
    ContractResponse get(@PathVariable String contractNumber) {
        return view(contracts.get(number(contractNumber)));
    }

    @Operation(summary = "A customer's contracts")
    @GetMapping("/api/v1/customers/{customerNumber}/contracts")
    List<ContractResponse> ofCustomer(@PathVariable String customerNumber) {
        CustomerNumber number = FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber));
        var customer = customers.get(number);
        List<Contract> list = contracts.ofCustomer(customer.id());
        var gsrn = contracts.meteringPointIds(list);
        return list.stream().map(c -> ContractResponse.of(c, number.value(), gsrn)).toList();
    }

    @Operation(summary = "Add a delivery to a contract")
    @PostMapping("/api/v1/contracts/{contractNumber}/deliveries")
    ResponseEntity<ContractResponse> addDelivery(@PathVariable String contractNumber, @RequestBody DeliveryBody body) {
        ContractNumber number = number(contractNumber);
        FieldValidation check = new FieldValidation();
        NewDelivery delivery = body.toCommand(check, "");
        check.required("version", body.version(), body::version);
        check.throwIfInvalid();
        orders.requireNoOpenOrder(delivery.meteringPointId(), "meteringPointId");
        return ResponseEntity.status(201).body(view(contracts.addDelivery(number, body.version(), delivery)));
    }

    @Operation(summary = "Change a delivery's product from a date",
            description = "Tariff change: the delivery ends the day before 'date' and a new delivery on the new product starts on 'date'.")
    @PostMapping("/api/v1/contracts/{contractNumber}/deliveries/{deliveryId}/product-change")
    ContractResponse changeProduct(@PathVariable String contractNumber, @PathVariable long deliveryId,
            @RequestBody ProductChangeBody body) {
        ContractNumber number = number(contractNumber);
        FieldValidation check = new FieldValidation();
        check.required("date", body.date(), body::date);
        check.required("productCode", body.productCode(), body::productCode);
        check.required("version", body.version(), body::version);
        check.throwIfInvalid();
        return view(contracts.changeProduct(number, deliveryId, body.version(), body.date(), body.productCode().strip()));
    }

    @Operation(summary = "End a delivery (move-out, termination)")
    @PostMapping("/api/v1/contracts/{contractNumber}/deliveries/{deliveryId}/end")
    ContractResponse endDelivery(@PathVariable String contractNumber, @PathVariable long deliveryId,
            @RequestBody EndDeliveryBody body) {
        ContractNumber number = number(contractNumber);
        FieldValidation check = new FieldValidation();
        check.required("endDate", body.endDate(), body::endDate);
        check.required("version", body.version(), body::version);
        check.throwIfInvalid();
        return view(contracts.endDelivery(number, deliveryId, body.version(), body.endDate()));
    }

    private ContractResponse view(Contract contract) {
        long customerNumber = customers.findById(contract.customerId()).orElseThrow().number().value();
        return ContractResponse.of(contract, customerNumber, contracts.meteringPointIds(List.of(contract)));
    }

    private static ContractNumber number(String raw) {
        return FieldValidation.parse("contractNumber", () -> ContractNumber.parse(raw));
    }
}

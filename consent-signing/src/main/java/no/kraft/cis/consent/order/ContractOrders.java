package no.kraft.cis.consent.order;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.consent.audit.ConsentAuditTrail;
import no.kraft.cis.consent.control.Consent;
import no.kraft.cis.consent.control.ConsentEnded;
import no.kraft.cis.consent.control.ConsentGranted;
import no.kraft.cis.consent.control.Consents;
import no.kraft.cis.consent.document.ConfirmationPdf;
import no.kraft.cis.consent.document.MergeField;
import no.kraft.cis.consent.document.OrderDocuments;
import no.kraft.cis.contract.Contract;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.contract.NewContract;
import no.kraft.cis.contract.NewDelivery;
import no.kraft.cis.customer.ContactDetails;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerChange;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.customer.Email;
import no.kraft.cis.customer.MobileNumber;
import no.kraft.cis.customer.NationalId;
import no.kraft.cis.customer.NewCustomer;
import no.kraft.cis.customer.OrganisationNumber;
import no.kraft.cis.customer.PostalAddress;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.tariff.ProductCatalogue;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order process (kontraktsimport): Validate and add → On hold (consent) → Import → Finalize. Validation runs when
 * the order arrives; a bad order is refused with every reason and nothing is stored. A good one is stored with its
 * first process executions and, when consent is needed, waits on hold for the consent driver; a granted consent
 * imports it (customer, contract, delivery, grant kept) and finalizes it (our order confirmation PDF, documents given
 * to the customer). Each stage is its own transaction, so a failed import leaves a stopped order with its reason.
 */
public class ContractOrders {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final OrderBook book;
    private final Consents consents;
    private final CustomerService customers;
    private final ContractService contracts;
    private final MeteringPointService meteringPoints;
    private final ProductCatalogue products;
    private final OrderDocuments documents;
    private final ConfirmationPdf confirmation;
    private final ConsentAuditTrail audit;
    private final TransactionTemplate tx;
    private final OrderRules rules;
    private final NewOrder.ConsentFlow defaultFlow;
    private final String companyName;
    private final Clock clock;

    public ContractOrders(OrderBook book, Consents consents, CustomerService customers, ContractService contracts,
            MeteringPointService meteringPoints, ProductCatalogue products, OrderDocuments documents, ConfirmationPdf confirmation,
            ConsentAuditTrail audit, TransactionTemplate tx, OrderRules rules, NewOrder.ConsentFlow defaultFlow, String companyName,
            Clock clock) {
        this.book = book;
        this.consents = consents;
        this.customers = customers;
        this.contracts = contracts;
        this.meteringPoints = meteringPoints;
        this.products = products;
        this.documents = documents;
        this.confirmation = confirmation;
        this.audit = audit;
        this.tx = tx;
        this.rules = rules;
        this.defaultFlow = defaultFlow;
        this.companyName = companyName;
        this.clock = clock;
    }

    private no.kraft.cis.elhub.market.StartOfSupply startOfSupply;

    /**
     * With the Elhub integration, Import asks Elhub to start the supply and the contract waits for Elhub's answer
     * ({@link #supplyStartAnswered}); without it the contract is opened at once, as before.
     */
    public void startSupplyThrough(no.kraft.cis.elhub.market.StartOfSupply startOfSupply) {
        this.startOfSupply = startOfSupply;
    }

    /** An order with everything staff see: the order, its process log, comments, consent attempts and documents. */
    public record View(ContractOrder order, List<ContractOrder.Step> steps, List<ContractOrder.Comment> comments, List<Consent> consents,
            List<OrderDocuments.Stored> documents) {
    }

    /** Validate and add; then on hold for consent, or straight on to import when none is needed. */
    /**
     * Refuses a contract opened by hand on a metering point that an open order (in progress, waiting or stopped) will supply: the order would
     * then fail, or the customer be supplied twice ({@code contract.orderInProgress}, naming the order).
     */
    public void requireNoOpenOrder(no.kraft.cis.meteringpoint.MeteringPointId point, String field) {
        List<OrderNumber> open = book.openFor(point.value());
        if (!open.isEmpty()) {
            throw new ConflictException(field, "contract.orderInProgress", "contract order " + open.getFirst()
                    + " for metering point " + point.value() + " is open: finish or cancel it first");
        }
    }

    public ContractOrder submit(NewOrder order, String actor) {
        ContractOrder added = tx.execute(s -> {
            NewOrder.ConsentFlow flow = validate(order);
            ContractOrder stored = book.add(order, flow, actor);
            book.step(stored.id(), Stage.VALIDATE_AND_ADD, "VALIDATE", "Validate order", "VALIDATION", ContractOrder.Result.OK, "VALIDATED",
                    List.of(new ContractOrder.Info("ORDER_VALID", "order validated: metering point, product and start date accepted")));
            book.step(stored.id(), Stage.VALIDATE_AND_ADD, "ADD", "Add order", "ORDER", ContractOrder.Result.SUCCESS, "ADDED",
                    List.of(new ContractOrder.Info("ORDER_ADDED", "order " + stored.number() + " added from " + order.channel())));
            audit.append(stored.number().auditChain(), "ORDER_RECEIVED", actor, Map.of("orderNumber", stored.number(), "channel", order.channel(),
                    "kind", order.kind(), "meteringPointId", order.meteringPointId(), "productCode", order.productCode(),
                    "startDate", order.startDate(), "consentFlow", flow), stored.applicant().nationalId());
            if (flow != NewOrder.ConsentFlow.NOT_REQUIRED) {
                holdForConsent(stored, flow, actor);
            }
            return book.get(stored.id());
        });
        if (added.consentFlow() == NewOrder.ConsentFlow.NOT_REQUIRED) {
            proceed(added.id(), null);
            return book.get(added.id());
        }
        return added;
    }

    public View view(OrderNumber number) {
        return tx.execute(s -> {
            ContractOrder order = book.get(number);
            return new View(order, book.steps(order.id()), book.comments(order.id()), consents.ofOrder(order.id()),
                    documents.ofOrder(order.id()));
        });
    }

    public void comment(OrderNumber number, String actor, String text) {
        tx.executeWithoutResult(s -> book.comment(book.get(number).id(), actor, text));
    }

    /** Staff stop an open order; an open consent attempt is cancelled with it. */
    public ContractOrder cancel(OrderNumber number, String actor, String reason) {
        return tx.execute(s -> {
            ContractOrder order = book.lock(book.get(number).id());
            if (!order.status().open()) {
                throw new ConflictException("status", "order.notOpen", "order " + number + " is " + order.status() + " and cannot be cancelled");
            }
            consents.cancel(order, actor, reason);
            book.move(order.id(), order.stage(), OrderStatus.CANCELLED, reason);
            book.step(order.id(), order.stage(), "CANCEL", "Cancel order", "ORDER", ContractOrder.Result.OK, "CANCELLED",
                    List.of(new ContractOrder.Info("ORDER_CANCELLED", "cancelled by " + actor + ": " + reason)));
            audit.append(order.number().auditChain(), "ORDER_CANCELLED", actor, Map.of("reason", reason), null);
            return book.get(order.id());
        });
    }

    /** Staff start the consent again for an order stopped on hold (rejected, expired, refused by Elhub). */
    public ContractOrder restartConsent(OrderNumber number, String actor) {
        return tx.execute(s -> {
            ContractOrder order = book.lock(book.get(number).id());
            if (order.status() != OrderStatus.STOPPED || order.stage() != Stage.ON_HOLD) {
                throw new ConflictException("status", "order.notStoppedOnHold",
                        "consent can be restarted only for an order stopped on hold; order " + number + " is " + order.status() + " in " + order.stage());
            }
            holdForConsent(order, order.consentFlow(), actor);
            return book.get(order.id());
        });
    }

    private void holdForConsent(ContractOrder order, NewOrder.ConsentFlow flow, String actor) {
        Consent consent = consents.start(order, flow == NewOrder.ConsentFlow.DOCUMENT ? Consent.Flow.DOCUMENT : Consent.Flow.REQUEST, actor);
        book.consent(order.id(), consent.id());
        book.move(order.id(), Stage.ON_HOLD, OrderStatus.WAITING, null);
        book.step(order.id(), Stage.ON_HOLD, "CONSENT_START", "Start consent control", "CONSENT", ContractOrder.Result.OK, "ON_HOLD",
                List.of(new ContractOrder.Info("CONSENT_STARTED", (flow == NewOrder.ConsentFlow.DOCUMENT
                        ? "Elhub document flow with BankID signing" : "Elhub request flow") + ", due by " + consent.expiresAt())));
    }

    @EventListener
    void consentEnded(ConsentEnded ended) {
        ContractOrder order = book.lock(ended.orderId());
        if (order.status() == OrderStatus.WAITING) {
            book.move(order.id(), Stage.ON_HOLD, OrderStatus.STOPPED, ended.outcome() + ": " + ended.reason());
        }
    }

    @EventListener
    void consentGranted(ConsentGranted granted) {
        proceed(granted.orderId(), granted.grantId());
    }

    /** Import and finalize; safe to call again (a finished or closed order is left alone). */
    void proceed(long orderId, String grantId) {
        try {
            Boolean imported = tx.execute(s -> importOrder(orderId, grantId));
            if (Boolean.TRUE.equals(imported)) {
                tx.executeWithoutResult(s -> finalizeOrder(orderId));
            }
        } catch (RuntimeException refused) {
            String reason = refused.getMessage();
            tx.executeWithoutResult(s -> {
                ContractOrder order = book.lock(orderId);
                book.move(orderId, Stage.IMPORT, OrderStatus.STOPPED, reason);
                book.step(orderId, Stage.IMPORT, "IMPORT", "Import order", "IMPORT", ContractOrder.Result.ERROR, "STOPPED",
                        List.of(new ContractOrder.Info("IMPORT_FAILED", reason)));
                audit.append(order.number().auditChain(), "IMPORT_FAILED", "system", Map.of("reason", reason), null);
            });
        }
    }

    private boolean importOrder(long orderId, String grantId) {
        ContractOrder order = book.lock(orderId);
        if (!order.status().open() || order.customerNumber() != null) {
            // imported before; finalize only once the contract is open (not while Elhub's answer is awaited)
            return order.status().open() && order.stage() != Stage.FINALIZE && order.contractNumber() != null;
        }
        book.move(orderId, Stage.IMPORT, OrderStatus.IN_PROGRESS, null);
        ContractOrder.Applicant a = order.applicant();
        CustomerIdentity identity = a.person()
                ? new CustomerIdentity.Person(new NationalId(a.nationalId()), a.firstName(), a.lastName())
                : new CustomerIdentity.Organisation(OrganisationNumber.parse(a.organisationNumber()), a.organisationName());
        ContactDetails contact = new ContactDetails(a.email() == null ? null : Email.parse(a.email()),
                a.mobile() == null ? null : MobileNumber.parse(a.mobile()));
        PostalAddress address = a.street() == null ? null : new PostalAddress(a.street(), a.postcode(), a.city(), "NO");
        Customer customer = customers.findByIdentity(identity).map(existing -> {
            ContactDetails merged = new ContactDetails(contact.email() != null ? contact.email() : existing.contact().email(),
                    contact.mobile() != null ? contact.mobile() : existing.contact().mobile());
            Customer changed = customers.change(existing.number(), new CustomerChange(existing.version(), existing.identity(), merged,
                    address != null ? address : existing.address().orElse(null)));
            book.step(orderId, Stage.IMPORT, "UPDATE_CUSTOMER", "Update customer", "IMPORT", ContractOrder.Result.OK, "IMPORTING",
                    List.of(new ContractOrder.Info("CUSTOMER_UPDATED", "existing customer " + changed.number() + " updated")));
            return changed;
        }).orElseGet(() -> {
            Customer created = customers.register(new NewCustomer(identity, contact, address));
            book.step(orderId, Stage.IMPORT, "CREATE_CUSTOMER", "Create customer", "IMPORT", ContractOrder.Result.OK, "IMPORTING",
                    List.of(new ContractOrder.Info("CUSTOMER_CREATED", "customer " + created.number() + " created")));
            return created;
        });
        if (grantId != null) {
            book.step(orderId, Stage.IMPORT, "UPDATE_MARKET_EVENT", "Keep consent grant", "IMPORT", ContractOrder.Result.OK, "IMPORTING",
                    List.of(new ContractOrder.Info("GRANT_KEPT", "grant " + grantId + " kept for the start-of-supply message (ConsentID)")));
        }
        documents.linkToCustomer(orderId, customer.id());
        if (startOfSupply != null) {
            // Elhub decides: the contract is opened when Elhub confirms the start, the order stops if Elhub rejects it
            var process = startOfSupply.request(supplyStart(order, customer), "order " + order.number());
            book.awaitingStartOfSupply(orderId, grantId, customer.number().value(), process.id());
            book.move(orderId, Stage.IMPORT, OrderStatus.WAITING, null);
            book.step(orderId, Stage.IMPORT, "REQUEST_START_OF_SUPPLY", "Request start of supply", "ELHUB", ContractOrder.Result.OK, "WAITING",
                    List.of(new ContractOrder.Info("START_OF_SUPPLY_REQUESTED", process.brs() + " for " + order.meteringPointId() + " from "
                            + order.startDate() + " asked of Elhub (request " + process.requestId() + "); waiting for Elhub's answer")));
            audit.append(order.number().auditChain(), "START_OF_SUPPLY_REQUESTED", "system", Map.of("customerNumber", customer.number(),
                    "supplyProcess", process.id(), "requestId", process.requestId(), "grantId", grantId == null ? "" : grantId), null);
            return false;
        }
        Contract contract = openContract(orderId, order, customer);
        book.imported(orderId, grantId, customer.number().value(), contract.number().value());
        audit.append(order.number().auditChain(), "ORDER_IMPORTED", "system", Map.of("customerNumber", customer.number(),
                "contractNumber", contract.number(), "grantId", grantId == null ? "" : grantId), null);
        return true;
    }

    private Contract openContract(long orderId, ContractOrder order, Customer customer) {
        Contract contract = contracts.open(new NewContract(customer.number(), order.startDate(), List.of(
                new NewDelivery(new MeteringPointId(order.meteringPointId()), order.productCode(), Period.from(order.startDate())))));
        book.step(orderId, Stage.IMPORT, "CREATE_CONTRACT", "Create contract", "IMPORT", ContractOrder.Result.OK, "IMPORTING",
                List.of(new ContractOrder.Info("CONTRACT_CREATED", "contract " + contract.number() + " created")));
        book.step(orderId, Stage.IMPORT, "CREATE_DELIVERIES", "Create deliveries", "IMPORT", ContractOrder.Result.OK, "IMPORTING",
                List.of(new ContractOrder.Info("DELIVERY_CREATED", "delivery to " + order.meteringPointId() + " from " + order.startDate()
                        + " under " + order.productCode())));
        return contract;
    }

    /** What Elhub is asked: a switch, or a move-in (back in time when its date has passed), for the order's customer. */
    private no.kraft.cis.elhub.market.SupplyStart supplyStart(ContractOrder order, Customer customer) {
        var kind = order.kind() == NewOrder.Kind.SWITCH ? no.kraft.cis.elhub.market.ProcessKind.CHANGE_OF_SUPPLIER
                : order.startDate().isBefore(LocalDate.now(clock.withZone(OSLO))) ? no.kraft.cis.elhub.market.ProcessKind.MOVE_IN_BACK_IN_TIME
                : no.kraft.cis.elhub.market.ProcessKind.MOVE_IN;
        var address = customer.address().map(a -> no.kraft.cis.elhub.market.SupplyStart.Address.of(a.street(), a.postcode(), a.city()))
                .orElse(null);
        return switch (customer.identity()) {
            case CustomerIdentity.Person p -> new no.kraft.cis.elhub.market.SupplyStart(kind, order.meteringPointId(), order.startDate(),
                    p.nationalId().value(), null, p.firstName(), p.lastName(), address);
            case CustomerIdentity.Organisation o -> new no.kraft.cis.elhub.market.SupplyStart(kind, order.meteringPointId(),
                    order.startDate(), o.organisationNumber().value(), o.name(), null, null, address);
        };
    }

    /**
     * Elhub answered the start of supply an order asked for: confirmed (or notified) → the contract and delivery are
     * opened and the order is finalized; rejected or failed → the order stops with Elhub's reason, and nothing was
     * opened. A notification after the order is complete is recorded as a step. Runs in the transaction that records
     * Elhub's message, so the two never disagree.
     */
    @org.springframework.context.event.EventListener
    void supplyStartAnswered(no.kraft.cis.elhub.market.SupplyStartAnswered answer) {
        tx.executeWithoutResult(s -> book.lockBySupplyProcess(answer.processId()).ifPresent(order -> {
            switch (answer.status()) {
                case CONFIRMED, NOTIFIED -> {
                    if (order.contractNumber() == null && order.status().open()) {
                        book.step(order.id(), Stage.IMPORT, "START_OF_SUPPLY_CONFIRMED", "Start of supply confirmed", "ELHUB",
                                ContractOrder.Result.OK, "IMPORTING", List.of(new ContractOrder.Info("START_OF_SUPPLY_" + answer.status(),
                                        "Elhub " + (answer.status() == no.kraft.cis.elhub.market.SupplyProcesses.Status.CONFIRMED
                                                ? "confirmed" : "notified") + " the start of supply from " + answer.startDate())));
                        book.move(order.id(), Stage.IMPORT, OrderStatus.IN_PROGRESS, null);
                        Customer customer = customers.get(new no.kraft.cis.customer.CustomerNumber(order.customerNumber()));
                        Contract contract = openContract(order.id(), order, customer);
                        book.contractOpened(order.id(), contract.number().value());
                        audit.append(order.number().auditChain(), "ORDER_IMPORTED", "system", Map.of("customerNumber", customer.number(),
                                "contractNumber", contract.number(), "grantId", order.grantId() == null ? "" : order.grantId()), null);
                        finalizeOrder(order.id());
                    }
                    if (answer.status() == no.kraft.cis.elhub.market.SupplyProcesses.Status.NOTIFIED) {
                        ContractOrder now = book.get(order.id());
                        book.step(order.id(), now.stage(), "START_OF_SUPPLY_NOTIFIED", "Start of supply notified", "ELHUB",
                                ContractOrder.Result.SUCCESS, now.status().name(), List.of(new ContractOrder.Info("START_OF_SUPPLY_NOTIFIED",
                                        "the cancellation deadline has passed: " + order.meteringPointId() + " is ours from " + answer.startDate())));
                    }
                }
                case REJECTED, FAILED, CANCELLED -> {
                    if (!order.status().open() || order.contractNumber() != null) {
                        return;
                    }
                    String reason = switch (answer.status()) {
                        case REJECTED -> "Elhub rejected the start of supply: " + answer.reason();
                        case CANCELLED -> "the start of supply was cancelled in Elhub";
                        default -> "Elhub could not be reached about the start of supply: " + answer.reason();
                    };
                    book.move(order.id(), Stage.IMPORT, OrderStatus.STOPPED, reason);
                    book.step(order.id(), Stage.IMPORT, "START_OF_SUPPLY_" + answer.status(), "Start of supply " + answer.status().name()
                            .toLowerCase(java.util.Locale.ROOT), "ELHUB", ContractOrder.Result.ERROR, "STOPPED", List.of(new ContractOrder.Info(
                                    answer.reasonCode() == null ? answer.status().name() : answer.reasonCode(),
                                    answer.reason() == null ? reason : answer.reason())));
                    audit.append(order.number().auditChain(), "START_OF_SUPPLY_REJECTED", "system", Map.of("reasonCode",
                            answer.reasonCode() == null ? "" : answer.reasonCode()), null);
                }
                default -> {
                    // REQUESTED, SENT: nothing for the order
                }
            }
        }));
    }

    private void finalizeOrder(long orderId) {
        ContractOrder order = book.lock(orderId);
        if (!order.status().open() || order.stage() == Stage.FINALIZE) {
            return;
        }
        Customer customer = customers.get(new no.kraft.cis.customer.CustomerNumber(order.customerNumber()));
        byte[] pdf = confirmation.render(mergeValues(order));
        OrderDocuments.Stored stored = documents.store(orderId, customer.id(), OrderDocuments.Kind.ORDER_CONFIRMATION,
                "Ordrebekreftelse_" + order.number() + ".pdf", pdf);
        book.move(orderId, Stage.FINALIZE, OrderStatus.COMPLETED, null);
        book.step(orderId, Stage.FINALIZE, "FINALIZE", "Finalize order", "FINALIZE", ContractOrder.Result.SUCCESS, "COMPLETED",
                List.of(new ContractOrder.Info("CONFIRMATION_CREATED", "order confirmation " + stored.fileName() + " stored on customer "
                        + customer.number())));
        audit.append(order.number().auditChain(), "ORDER_FINALIZED", "system", Map.of("confirmationSha256", stored.sha256()), null);
    }

    Map<MergeField, String> mergeValues(ContractOrder order) {
        Map<MergeField, String> values = new EnumMap<>(MergeField.class);
        ContractOrder.Applicant a = order.applicant();
        MeteringPoint point = meteringPoints.get(new MeteringPointId(order.meteringPointId()));
        values.put(MergeField.COMPANY_NAME, companyName);
        values.put(MergeField.METERING_POINT_ID, order.meteringPointId());
        values.put(MergeField.METERING_POINT_ADDRESS, point.characteristicsAsOf(order.startDate())
                .map(version -> version.characteristics().address().oneLine()).orElse(""));
        values.put(MergeField.START_DATE, order.startDate().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        values.put(MergeField.PRODUCT_NAME, products.find(order.productCode()).map(p -> p.name()).orElse(order.productCode()));
        values.put(MergeField.FIRST_NAME, a.person() ? a.firstName() : a.organisationName());
        values.put(MergeField.LAST_NAME, a.person() ? a.lastName() : "");
        values.put(MergeField.CUSTOMER_ADDRESS, a.addressLine());
        values.put(MergeField.CUSTOMER_NUMBER, order.customerNumber() == null ? "" : order.customerNumber().toString());
        values.put(MergeField.NATIONAL_ID, a.person() ? a.nationalId() : a.organisationNumber());
        return values;
    }

    /** The business rules; all failures at once. Returns the consent flow the order will use. */
    private NewOrder.ConsentFlow validate(NewOrder order) {
        FieldValidation check = new FieldValidation();
        boolean person = order.customer() instanceof CustomerIdentity.Person;
        NewOrder.ConsentFlow flow = order.consentFlow() != null ? order.consentFlow()
                : person ? defaultFlow : NewOrder.ConsentFlow.NOT_REQUIRED;
        if (person && flow == NewOrder.ConsentFlow.NOT_REQUIRED) {
            check.reject("consentFlow", "consent.required", "a private customer's switch or move-in needs consent (DOCUMENT or REQUEST)");
        }
        if (!person && flow != NewOrder.ConsentFlow.NOT_REQUIRED) {
            check.reject("consentFlow", "consent.personOnly", "Elhub's consent control covers private customers; organisations use NOT_REQUIRED");
        }
        if (flow == NewOrder.ConsentFlow.DOCUMENT && order.contact().email() == null && order.contact().mobile() == null) {
            check.reject("email", "order.signingContactRequired", "the signing link is sent by e-mail or SMS: give email or mobile");
        }
        if (products.find(order.productCode()).isEmpty()) {
            check.reject("productCode", "product.unknown", "product " + order.productCode() + " does not exist");
        }
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        if (!rules.allows(order.kind(), order.startDate(), today)) {
            check.reject("startDate", "order.startDate.window", "a " + order.kind() + " may start from " + rules.earliest(order.kind(), today)
                    + " to " + rules.latest(today));
        }
        var point = meteringPoints.find(order.meteringPointId());
        if (point.isEmpty()) {
            check.reject("meteringPointId", "meteringPoint.unknown", "metering point " + order.meteringPointId()
                    + " is not registered; look it up (BRS-NO-611) and register it first");
        }
        check.throwIfInvalid();
        List<ContractService.Supply> supplied = contracts.supplies(point.get().id(), Period.from(order.startDate()));
        if (!supplied.isEmpty()) {
            throw new ConflictException("meteringPointId", "order.meteringPointAlreadyOurs", "metering point " + order.meteringPointId()
                    + " is already ours on contract " + supplied.getFirst().contractNumber() + " from " + supplied.getFirst().period().from());
        }
        List<OrderNumber> open = book.openFor(order.meteringPointId().value());
        if (!open.isEmpty()) {
            throw new ConflictException("meteringPointId", "order.duplicate", "order " + open.getFirst() + " for metering point "
                    + order.meteringPointId() + " is still open");
        }
        return flow;
    }
}

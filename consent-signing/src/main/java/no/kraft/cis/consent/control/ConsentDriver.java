package no.kraft.cis.consent.control;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import no.kraft.cis.consent.RemoteCallFailed;
import no.kraft.cis.consent.audit.ConsentAuditTrail;
import no.kraft.cis.consent.document.OrderDocuments;
import no.kraft.cis.consent.elhubaccess.AccessApi;
import no.kraft.cis.consent.notification.Notifications;
import no.kraft.cis.consent.order.ContractOrder;
import no.kraft.cis.consent.order.NewOrder;
import no.kraft.cis.consent.order.OrderBook;
import no.kraft.cis.consent.order.Stage;
import no.kraft.cis.consent.signicat.SignApi;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.tariff.ProductCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the consent flows one step at a time. Each run claims consents whose next attempt is due (lease + attempt count
 * in one statement), makes one call to Elhub or Signicat with no transaction open, and records what it learnt —
 * new state, ids, document, order step, audit event — in one transaction. Nothing lives in memory between steps, so a
 * restart continues where the database says. A call without an answer (or 429/5xx) is retried with backoff; any
 * other error ends the attempt with Elhub's or Signicat's reason. Waiting for the customer is a poll with backoff; a
 * Signicat webhook only makes the next poll due now.
 */
public class ConsentDriver {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentDriver.class);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final String SYSTEM = "system";

    private final ConsentStore consents;
    private final OrderBook orders;
    private final OrderDocuments documents;
    private final ConsentAuditTrail audit;
    private final AccessApi elhub;
    private final SignApi signicat;
    private final Notifications notifications;
    private final MeteringPointService meteringPoints;
    private final ProductCatalogue products;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ConsentSettings settings;
    private final Clock clock;

    public ConsentDriver(ConsentStore consents, OrderBook orders, OrderDocuments documents, ConsentAuditTrail audit, AccessApi elhub,
            SignApi signicat, Notifications notifications, MeteringPointService meteringPoints, ProductCatalogue products,
            ApplicationEventPublisher events, TransactionTemplate tx, ConsentSettings settings, Clock clock) {
        this.consents = consents;
        this.orders = orders;
        this.documents = documents;
        this.audit = audit;
        this.elhub = elhub;
        this.signicat = signicat;
        this.notifications = notifications;
        this.meteringPoints = meteringPoints;
        this.products = products;
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs every step that is due, at most {@code limit}; the number run. */
    public int advanceDue(int limit) {
        int done = 0;
        while (done < limit) {
            Instant now = clock.instant();
            Optional<Consent> claimed = tx.execute(s -> consents.claimDue(now, now.plus(settings.lease())));
            if (claimed.isEmpty()) {
                break;
            }
            advance(claimed.get());
            done++;
        }
        return done;
    }

    private void advance(Consent c) {
        ContractOrder order = orders.get(c.orderId());
        try {
            if (c.state().awaitingCustomer() && !clock.instant().isBefore(c.expiresAt())) {
                end(c, order, ConsentState.EXPIRED, "the customer did not " + (c.flow() == Consent.Flow.DOCUMENT ? "sign" : "approve")
                        + " before " + c.expiresAt(), "CONSENT_EXPIRED");
                return;
            }
            switch (c.state()) {
                case CREATE_DOCUMENT -> createDocument(c, order);
                case DOWNLOAD_DOCUMENT -> downloadDocument(c, order);
                case CREATE_SIGNING -> createSigning(c, order);
                case SEND_LINK -> sendLink(c, order);
                case AWAIT_SIGNATURE -> awaitSignature(c, order);
                case UPLOAD_SIGNED -> uploadSigned(c, order);
                case CREATE_REQUEST -> createRequest(c, order);
                case AWAIT_APPROVAL -> awaitApproval(c, order);
                case READ_GRANT -> readGrant(c, order);
                case GRANTED -> handOver(c);
                default -> tx.executeWithoutResult(s -> consents.move(c.id(), c.state(), null, Map.of()));
            }
        } catch (RemoteCallFailed e) {
            if (e.retryable()) {
                Instant next = settings.retry().next(clock.instant(), c.attempts(), ThreadLocalRandom.current().nextDouble(), e.retryAfter());
                LOG.info("consent {} step {}: {} — again at {}", c.id(), c.state(), e.getMessage(), next);
                tx.executeWithoutResult(s -> consents.retryAt(c.id(), next));
            } else {
                end(c, order, ConsentState.FAILED, e.getMessage(), e.party().startsWith("Elhub") ? "ELHUB_REFUSED" : "SIGNICAT_REFUSED");
            }
        }
    }

    private void createDocument(Consent c, ContractOrder order) {
        AccessApi.Subject subject = subject(order);
        AccessApi.Authorization document = elhub.createDocument(subject);
        record(c, order, ConsentState.DOWNLOAD_DOCUMENT, now(), Map.of("elhub_document_id", document.id()),
                "ELHUB_DOCUMENT_CREATED", "Elhub authorization document created", "document for digital consent generated at Elhub",
                Map.of("elhubDocumentId", document.id(), "documentType", subject.type().wire()));
    }

    private void downloadDocument(Consent c, ContractOrder order) {
        byte[] pdf = elhub.downloadDocument(c.elhubDocumentId());
        String sha = OrderDocuments.sha256(pdf);
        tx.executeWithoutResult(s -> {
            documents.store(order.id(), null, OrderDocuments.Kind.ELHUB_AUTHORIZATION,
                    "Consent_" + order.number() + "_" + c.elhubDocumentId() + ".pdf", pdf);
            apply(c, order, ConsentState.CREATE_SIGNING, now(), Map.of("elhub_pdf_sha256", sha), "ELHUB_DOCUMENT_DOWNLOADED",
                    "Elhub document downloaded", "Elhub's sealed PDF stored", Map.of("elhubDocumentId", c.elhubDocumentId(), "sha256", sha));
        });
    }

    private void createSigning(Consent c, ContractOrder order) {
        String documentId = c.signicatDocumentId();
        if (documentId == null) {
            byte[] pdf = documents.content(documents.ofOrder(order.id()).stream()
                    .filter(d -> d.kind() == OrderDocuments.Kind.ELHUB_AUTHORIZATION && d.fileName().contains(c.elhubDocumentId()))
                    .reduce((a, b) -> b).orElseThrow().id());
            String uploaded = signicat.uploadDocument(pdf);
            // kept at once: a retry after a later failure reuses the uploaded document
            tx.executeWithoutResult(s -> consents.move(c.id(), ConsentState.CREATE_SIGNING, now(), Map.of("signicat_document_id", uploaded)));
            documentId = uploaded;
        }
        String collection = signicat.createCollection(c.collectionId(), documentId);
        ContractOrder.Applicant person = order.applicant();
        SignApi.Session session = signicat.createSession(new SignApi.SessionRequest(c.sessionId(), collection, documentId,
                "Samtykke til bytte av strømleverandør", c.id().toString(), person.nationalId(), person.email(), person.mobile(),
                c.expiresAt()));
        Map<String, Object> set = new HashMap<>();
        set.put("signicat_session_id", session.id());
        set.put("signature_url", session.signatureUrl());
        record(c, order, ConsentState.SEND_LINK, now(), set, "SIGNING_SESSION_CREATED", "Signicat signing session created",
                "contract signing flow triggered", Map.of("signicatSessionId", session.id(), "externalReference", c.id().toString(),
                        "dueDate", c.expiresAt().toString()));
    }

    private void sendLink(Consent c, ContractOrder order) {
        ContractOrder.Applicant person = order.applicant();
        List<String> channels = new ArrayList<>();
        String text = "Hei " + person.firstName() + ", signer samtykket til strømavtalen med BankID her: " + c.signatureUrl()
                + " (innen " + LocalDate.ofInstant(c.expiresAt(), OSLO) + ")";
        if (person.email() != null) {
            notifications.send(new Notifications.Message(Notifications.Channel.EMAIL, person.email(), "Signer samtykke til strømavtale", text));
            channels.add("EMAIL");
        }
        if (person.mobile() != null) {
            notifications.send(new Notifications.Message(Notifications.Channel.SMS, person.mobile(), null, text));
            channels.add("SMS");
        }
        record(c, order, ConsentState.AWAIT_SIGNATURE, pollAfter(c, 1), Map.of(), "SIGNING_LINK_SENT", "Signing link sent",
                "signing link sent by " + String.join(" and ", channels), Map.of("channels", String.join(",", channels)));
    }

    private void awaitSignature(Consent c, ContractOrder order) {
        SignApi.Session session = signicat.session(c.signicatSessionId());
        if (session.signed() && !session.resultDocumentIds().isEmpty()) {
            String resultId = session.resultDocumentIds().getFirst();
            byte[] signed = signicat.download(resultId);
            String sha = OrderDocuments.sha256(signed);
            String name = (order.applicant().firstName() + "_" + order.applicant().lastName()).replaceAll("[^\\p{L}\\p{N}]+", "_");
            tx.executeWithoutResult(s -> {
                documents.store(order.id(), null, OrderDocuments.Kind.SIGNED_AUTHORIZATION,
                        "Consent_" + order.number() + "_" + c.elhubDocumentId() + "_Signed_" + name + ".pdf", signed);
                Map<String, Object> facts = Map.of("signicatSessionId", c.signicatSessionId(), "resultDocumentId", resultId, "sha256", sha);
                orders.step(order.id(), Stage.ON_HOLD, "DOCUMENT_SIGNED", "Document signed", "CONSENT", ContractOrder.Result.SUCCESS,
                        "ON_HOLD", List.of(new ContractOrder.Info("DOCUMENT_SIGNED", "the customer signed with BankID")));
                // the signer Signicat bound the session to (validation NATIONAL_IDENTIFICATION_NUMBER), as a keyed hash
                audit.append(order.number().auditChain(), "DOCUMENT_SIGNED", SYSTEM, facts, order.applicant().nationalId());
                consents.move(c.id(), ConsentState.UPLOAD_SIGNED, now(), Map.of("signicat_result_id", resultId, "signed_pdf_sha256", sha));
            });
        } else if (session.rejected()) {
            end(c, order, ConsentState.REJECTED, "the customer declined to sign", "CONSENT_REJECTED");
        } else if (session.stateIsFinal()) {
            end(c, order, ConsentState.FAILED, "Signicat ended the session as " + session.state(), "SIGNICAT_REFUSED");
        } else {
            tx.executeWithoutResult(s -> consents.retryAt(c.id(), pollAfter(c, c.attempts())));
        }
    }

    private void uploadSigned(Consent c, ContractOrder order) {
        byte[] signed = documents.content(documents.ofOrder(order.id()).stream()
                .filter(d -> d.kind() == OrderDocuments.Kind.SIGNED_AUTHORIZATION && d.sha256().equals(c.signedPdfSha256()))
                .findFirst().orElseThrow().id());
        elhub.uploadSigned(c.elhubDocumentId(), signed);
        record(c, order, ConsentState.READ_GRANT, now(), Map.of(), "SIGNED_DOCUMENT_UPLOADED", "Signed document uploaded to Elhub",
                "signed authorization document accepted by Elhub", Map.of("elhubDocumentId", c.elhubDocumentId(), "sha256", c.signedPdfSha256()));
    }

    private void createRequest(Consent c, ContractOrder order) {
        AccessApi.Subject subject = subject(order);
        AccessApi.Authorization request = elhub.createRequest(subject, settings.redirectUri());
        record(c, order, ConsentState.AWAIT_APPROVAL, pollAfter(c, 1), Map.of("elhub_request_id", request.id()),
                "ELHUB_REQUEST_CREATED", "Elhub authorization request created", "the customer approves on Elhub's pages",
                Map.of("elhubRequestId", request.id(), "requestType", subject.type().wire()));
    }

    private void awaitApproval(Consent c, ContractOrder order) {
        AccessApi.Authorization request = elhub.request(c.elhubRequestId());
        switch (request.status() == null ? "" : request.status()) {
            case "Accepted" -> record(c, order, ConsentState.READ_GRANT, now(), Map.of("grant_id", request.grantId()),
                    "REQUEST_ACCEPTED", "Request accepted", "the customer approved on Elhub's pages",
                    Map.of("elhubRequestId", c.elhubRequestId(), "grantId", request.grantId()));
            case "Rejected" -> end(c, order, ConsentState.REJECTED, "the customer declined Elhub's request", "CONSENT_REJECTED");
            case "Expired" -> end(c, order, ConsentState.EXPIRED, "Elhub's request expired", "CONSENT_EXPIRED");
            default -> tx.executeWithoutResult(s -> consents.retryAt(c.id(), pollAfter(c, c.attempts())));
        }
    }

    private void readGrant(Consent c, ContractOrder order) {
        String grantId = c.grantId();
        if (grantId == null) {
            AccessApi.Authorization document = elhub.document(c.elhubDocumentId());
            if (!"Signed".equals(document.status()) || document.grantId() == null) {
                tx.executeWithoutResult(s -> consents.retryAt(c.id(), pollAfter(c, c.attempts())));
                return;
            }
            grantId = document.grantId();
        }
        AccessApi.Grant grant = elhub.grant(grantId);
        if (!grant.active()) {
            end(c, order, ConsentState.FAILED, "Elhub's grant " + grantId + " is " + grant.status(), "GRANT_NOT_ACTIVE");
            return;
        }
        Map<String, Object> set = new HashMap<>();
        set.put("grant_id", grantId);
        set.put("grant_valid_to", grant.validTo());
        Map<String, Object> facts = new HashMap<>();
        facts.put("grantId", grantId);
        facts.put("validTo", grant.validTo());
        record(c, order, ConsentState.GRANTED, now(), set, "GRANT_ACTIVE", "Authorization grant active",
                "Elhub's grant " + grantId + " is active", facts);
    }

    /** Hands the grant to the order (import, finalize); the order side makes this idempotent. */
    private void handOver(Consent c) {
        events.publishEvent(new ConsentGranted(c.orderId(), c.id(), c.grantId()));
        tx.executeWithoutResult(s -> consents.move(c.id(), ConsentState.DONE, null, Map.of()));
    }

    private void end(Consent c, ContractOrder order, ConsentState outcome, String reason, String code) {
        tx.executeWithoutResult(s -> {
            consents.move(c.id(), outcome, null, Map.of("outcome_detail", reason));
            orders.step(order.id(), Stage.ON_HOLD, code, "Consent " + outcome.name().toLowerCase(java.util.Locale.ROOT), "CONSENT",
                    ContractOrder.Result.ERROR, outcome.name(), List.of(new ContractOrder.Info(code, reason)));
            audit.append(order.number().auditChain(), "CONSENT_" + outcome.name(), SYSTEM, Map.of("consentId", c.id(), "reason", reason), null);
            events.publishEvent(new ConsentEnded(order.id(), c.id(), outcome, reason));
        });
    }

    /** Records a successful step: the consent's new state and columns, the order's process log and the audit event. */
    private void record(Consent c, ContractOrder order, ConsentState next, Instant at, Map<String, Object> set, String code, String name,
            String text, Map<String, ?> facts) {
        tx.executeWithoutResult(s -> apply(c, order, next, at, set, code, name, text, facts));
    }

    private void apply(Consent c, ContractOrder order, ConsentState next, Instant at, Map<String, Object> set, String code, String name,
            String text, Map<String, ?> facts) {
        consents.move(c.id(), next, at, set);
        orders.step(order.id(), Stage.ON_HOLD, code, name, "CONSENT", ContractOrder.Result.OK, "ON_HOLD",
                List.of(new ContractOrder.Info(code, text)));
        Map<String, Object> all = new HashMap<>(facts);
        all.put("consentId", c.id());
        audit.append(order.number().auditChain(), code, SYSTEM, all, null);
    }

    /** The next status read while waiting: backoff, but never past the expiry (so it is noticed on time). */
    private Instant pollAfter(Consent c, int attempts) {
        Instant next = settings.poll().next(clock.instant(), Math.max(1, attempts), ThreadLocalRandom.current().nextDouble(), null);
        return next.isAfter(c.expiresAt()) ? c.expiresAt() : next;
    }

    private Instant now() {
        return clock.instant();
    }

    private AccessApi.Subject subject(ContractOrder order) {
        ContractOrder.Applicant person = order.applicant();
        String address = meteringPoints.get(new MeteringPointId(order.meteringPointId())).characteristicsAsOf(order.startDate())
                .map(version -> version.characteristics().address().oneLine()).orElse("");
        String product = products.find(order.productCode()).map(p -> p.name()).orElse(order.productCode());
        boolean moveIn = order.kind() == NewOrder.Kind.MOVE_IN;
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        return new AccessApi.Subject(moveIn ? AccessApi.Type.MOVE_IN : AccessApi.Type.CHANGE_OF_SUPPLIER, person.nationalId(),
                person.displayName(), order.meteringPointId(), address, settings.supplierName(), product,
                moveIn && !order.startDate().isAfter(today) ? order.startDate() : null, "nb");
    }
}

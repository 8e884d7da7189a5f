package no.kraft.cis.api.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerKind;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.customer.Email;
import no.kraft.cis.customer.MobileNumber;
import no.kraft.cis.customer.SearchName;
import no.kraft.cis.customerview.AccountCandidate;
import no.kraft.cis.customerview.AccountLookup;
import no.kraft.cis.customerview.CustomerOverview;
import no.kraft.cis.customerview.CustomerOverviewQuery;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.security.PartnerCallGate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Partner: accounts", description = "Find the caller's account and read it (scope accounts:read; e-mail change accounts:write)")
@RestController
class PartnerAccountController {

    static final int MAX_MATCHES = 10;

    private final AccountLookup lookup;
    private final Accounts accounts;
    private final CustomerService customers;
    private final CustomerOverviewQuery overview;

    private final no.kraft.cis.identity.BirthDateConfirmations birthDates;

    PartnerAccountController(AccountLookup lookup, Accounts accounts, CustomerService customers, CustomerOverviewQuery overview,
            no.kraft.cis.identity.BirthDateConfirmations birthDates) {
        this.birthDates = birthDates;
        this.lookup = lookup;
        this.accounts = accounts;
        this.customers = customers;
        this.overview = overview;
    }

    @Schema(description = "NONE: no account; ONE: exactly one; SEVERAL: ask the caller something from the candidates "
            + "(supply address, postal city, last digits of the phone) to tell them apart")
    enum Match { NONE, ONE, SEVERAL }

    record AccountSearchResponse(Match match, @Schema(description = "at most 10") List<AccountCandidate> accounts,
            @Schema(description = "more than 10 matched: narrow the search") boolean more) {
    }

    @Operation(summary = "Find an account by name, customer number or phone",
            description = "Every criterion given must match; at least one is required. The name is partial and case- and "
                    + "accent-insensitive (each word must occur). Answers NONE, ONE or SEVERAL with up to 10 candidates and "
                    + "what tells them apart; never an identity number.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AccountSearchResponse.class), examples = {
            @ExampleObject(name = "several", summary = "a shared phone: ask which address", value = """
                    {"match":"SEVERAL","more":false,"accounts":[
                      {"customerNumber":1000001,"kind":"PRIVATE","name":"Kari Nordmann","postalStreet":"Storgata 1","postalCity":"Oslo",
                       "maskedEmail":"k***@example.no","maskedMobile":"******567","supplyAddresses":["Storgata 1, 0155 Oslo"]},
                      {"customerNumber":1000002,"kind":"PRIVATE","name":"Ola Nordmann","postalStreet":"Fjellveien 2","postalCity":"Bergen",
                       "maskedEmail":"o***@example.no","maskedMobile":"******567","supplyAddresses":["Fjellveien 2, 5019 Bergen"]}]}"""),
            @ExampleObject(name = "none", value = "{\"match\":\"NONE\",\"more\":false,\"accounts\":[]}")}))
    @GetMapping("/api/v1/partner/accounts")
    AccountSearchResponse find(@Parameter(example = "kari nordmann") @RequestParam(required = false) String name,
            @Parameter(example = "1000001") @RequestParam(required = false) String customerNumber,
            @Parameter(example = "912 34 567") @RequestParam(required = false) String phone,
            HttpServletRequest request) {
        FieldValidation check = new FieldValidation();
        // what the search will use: letters and digits of the name, folded
        String words = SearchName.fold(name);
        if (name != null && !name.isBlank() && words.replace(" ", "").length() < 2) {
            check.reject("name", "name.tooShort", "a name search needs at least 2 letters or digits");
        }
        CustomerNumber number = check.optional("customerNumber", customerNumber, () -> CustomerNumber.parse(customerNumber));
        MobileNumber mobile = check.optional("phone", phone, () -> MobileNumber.parse(phone));
        if (!check.hasViolations() && words.isEmpty() && number == null && mobile == null) {
            check.reject("name", "search.criterionRequired", "give a name, customerNumber or phone");
        }
        check.throwIfInvalid();
        AccountLookup.Matches matches = lookup.find(words, number, mobile, MAX_MATCHES);
        PartnerCallGate.concerns(request, matches.accounts().stream().map(AccountCandidate::customerNumber).toList());
        Match match = switch (matches.accounts().size()) {
            case 0 -> Match.NONE;
            case 1 -> Match.ONE;
            default -> Match.SEVERAL;
        };
        return new AccountSearchResponse(match, matches.accounts(), matches.more());
    }

    record PartnerAccountResponse(@Schema(example = "1000001") long customerNumber, @Schema(example = "PRIVATE") CustomerKind kind,
            @Schema(example = "Kari Nordmann") String name, @Schema(example = "k***@example.no") String maskedEmail,
            @Schema(example = "******567") String maskedMobile, @Schema(example = "Oslo") String postalCity) {
    }

    @Operation(summary = "An account by customer number", description = "404 when there is no such account.")
    @GetMapping("/api/v1/partner/accounts/{customerNumber}")
    PartnerAccountResponse get(@Parameter(example = "1000001") @PathVariable String customerNumber, HttpServletRequest request) {
        CustomerNumber number = accounts.number(customerNumber, request);
        AccountCandidate account = lookup.find(null, number, null, 1).accounts().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("customer", number));
        return new PartnerAccountResponse(account.customerNumber(), account.kind(), account.name(), account.maskedEmail(),
                account.maskedMobile(), account.postalCity());
    }

    record BirthDateBody(@Schema(example = "1985-04-12", description = "what the caller says") String dateOfBirth) {
    }

    record BirthDateResponse(@Schema(example = "true") boolean confirmed) {
    }

    @Operation(summary = "Confirm the caller's date of birth",
            description = "Compares the date the caller gives with the one in the account's national ID. Answers only "
                    + "confirmed true/false — never the date or the ID. 409 customer.notPerson for an organisation. After 5 "
                    + "failed confirmations of one account within 24 hours the account is locked for confirmations: 429 "
                    + "dateOfBirth.locked with Retry-After, whatever the guess, and a case for customer service.")
    @PostMapping("/api/v1/partner/accounts/{customerNumber}/date-of-birth-confirmations")
    BirthDateResponse confirmBirthDate(@Parameter(example = "1000001") @PathVariable String customerNumber,
            @RequestBody BirthDateBody body, HttpServletRequest request) {
        LocalDate given = FieldValidation.parse("dateOfBirth", () -> RequestValues.date(body.dateOfBirth()));
        Customer c = accounts.get(customerNumber, request);
        LocalDate actual = c.dateOfBirth().orElseThrow(() -> new ConflictException("customerNumber", "customer.notPerson",
                "an organisation has no date of birth"));
        var result = birthDates.confirm(c.id(), actual, given, request.getUserPrincipal() == null ? "unknown"
                : request.getUserPrincipal().getName());
        if (result.lockedNow()) {
            PartnerCallGate.flag(request, "dateOfBirth.locked");
        }
        if (result.outcome() == no.kraft.cis.identity.BirthDateConfirmations.Outcome.LOCKED) {
            PartnerCallGate.flag(request, "dateOfBirth.refusedLocked");
            throw new no.kraft.cis.rule.TooManyAttemptsException("dateOfBirth", "dateOfBirth.locked",
                    "too many failed confirmations for this account; customer service has been told", result.retryAfterSeconds());
        }
        return new BirthDateResponse(result.outcome() == no.kraft.cis.identity.BirthDateConfirmations.Outcome.CONFIRMED);
    }

    record GridOperatorResponse(@Schema(example = "707057500000000018") String meteringPointId,
            @Schema(example = "Storgata 1, 0155 Oslo") String address, @Schema(example = "7080005051178") String gridOperatorGln,
            @Schema(example = "Elvia AS") String gridOperatorName) {
    }

    @Operation(summary = "The grid operator (nettselskap) of each metering point we supply the account today",
            description = "Empty when we supply no metering point today.")
    @GetMapping("/api/v1/partner/accounts/{customerNumber}/grid-operators")
    List<GridOperatorResponse> gridOperators(@Parameter(example = "1000001") @PathVariable String customerNumber,
            HttpServletRequest request) {
        Customer c = accounts.get(customerNumber, request);
        CustomerOverview o = overview.overview(c.number());
        return o.meteringPoints().stream()
                .filter(mp -> mp.deliveries().stream().anyMatch(d -> d.isActiveOn(o.asOf())))
                .map(mp -> new GridOperatorResponse(mp.meteringPoint().meteringPointId().value(),
                        mp.characteristics().map(ch -> ch.address().oneLine()).orElse(null),
                        mp.characteristics().map(ch -> ch.gridOwner().value()).orElse(null),
                        mp.gridOwner().map(g -> g.name()).orElse(null)))
                .toList();
    }

    record ActiveContractResponse(@Schema(example = "5000001") long contractNumber, @Schema(example = "2026-01-01") LocalDate startDate,
            List<ActiveDeliveryResponse> deliveries) {
    }

    record ActiveDeliveryResponse(@Schema(example = "707057500000000018") String meteringPointId,
            @Schema(example = "Storgata 1, 0155 Oslo") String address, @Schema(example = "SPOT") String productCode,
            @Schema(example = "2026-01-01") LocalDate from, @Schema(description = "exclusive; absent = open-ended") LocalDate to) {
    }

    @Operation(summary = "The account's active contracts",
            description = "Contracts with a delivery running today or starting later, with those deliveries.")
    @GetMapping("/api/v1/partner/accounts/{customerNumber}/contracts")
    List<ActiveContractResponse> activeContracts(@Parameter(example = "1000001") @PathVariable String customerNumber,
            HttpServletRequest request) {
        Customer c = accounts.get(customerNumber, request);
        CustomerOverview o = overview.overview(c.number());
        LocalDate today = o.asOf();
        return o.contracts().stream()
                .map(k -> new ActiveContractResponse(k.number().value(), k.startDate(), k.deliveries().stream()
                        .filter(d -> d.period().to() == null || d.period().to().isAfter(today))
                        .sorted(Comparator.comparing(d -> d.period().from()))
                        .map(d -> new ActiveDeliveryResponse(o.meteringPointIds().get(d.meteringPointId()).value(),
                                o.meteringPoints().stream().filter(mp -> mp.meteringPoint().id() == d.meteringPointId()).findFirst()
                                        .flatMap(CustomerOverview.MeteringPointSnapshot::characteristics)
                                        .map(ch -> ch.address().oneLine()).orElse(null),
                                d.productCode(), d.period().from(), d.period().to()))
                        .toList()))
                .filter(k -> !k.deliveries().isEmpty())
                .toList();
    }

    record EmailChangeBody(@Schema(example = "kari.nordmann@example.no") String email) {
    }

    @Operation(summary = "Change the account's e-mail address", description = "Scope accounts:write. Answers the account with the "
            + "new address masked.")
    @PutMapping("/api/v1/partner/accounts/{customerNumber}/email")
    PartnerAccountResponse changeEmail(@Parameter(example = "1000001") @PathVariable String customerNumber, @RequestBody EmailChangeBody body,
            HttpServletRequest request) {
        Email email = FieldValidation.parse("email", () -> {
            if (body.email() == null || body.email().isBlank()) {
                throw new InvalidValueException("required", "must be present");
            }
            return Email.parse(body.email());
        });
        customers.changeEmail(accounts.number(customerNumber, request), email);
        return get(customerNumber, request);
    }
}

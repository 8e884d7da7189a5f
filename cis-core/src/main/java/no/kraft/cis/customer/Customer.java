package no.kraft.cis.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Optional;
import no.kraft.cis.audit.AuditedEntity;
import no.kraft.cis.customer.CustomerIdentity.Organisation;
import no.kraft.cis.customer.CustomerIdentity.Person;
import no.kraft.cis.rule.ConflictException;

/**
 * A customer (kunde) of the retailer: a private person or an organisation, with contact channels and a postal
 * address. One customer may hold many metering points on one contract and gets one invoice covering them all.
 */
@Entity
@Table(name = "customer")
public class Customer extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    private long customerNumber;

    @Enumerated(EnumType.STRING)
    private CustomerKind kind;

    private String nationalId;
    private LocalDate dateOfBirth;
    private String organisationNumber;
    private String firstName;
    private String lastName;
    private String organisationName;
    private String searchName;
    private String email;
    private String mobile;
    private String street;
    private String postcode;
    private String city;
    private String countryCode;

    protected Customer() {
    }

    static Customer register(CustomerNumber number, NewCustomer registration) {
        Customer customer = new Customer();
        customer.customerNumber = number.value();
        switch (registration.identity()) {
            case Person person -> {
                customer.kind = CustomerKind.PRIVATE;
                customer.nationalId = person.nationalId().value();
                customer.dateOfBirth = person.nationalId().dateOfBirth();
            }
            case Organisation organisation -> {
                customer.kind = CustomerKind.ORGANISATION;
                customer.organisationNumber = organisation.organisationNumber().value();
            }
        }
        customer.apply(registration.identity(), registration.contact(), registration.address());
        return customer;
    }

    void change(CustomerChange change) {
        if (!identity().sameIdentityNumber(change.identity())) {
            throw new ConflictException(kind == CustomerKind.PRIVATE ? "nationalId" : "organisationNumber",
                    "customer.identityImmutable",
                    "a customer's national ID or organisation number cannot change; register a new customer instead");
        }
        apply(change.identity(), change.contact(), change.address());
    }

    void changeEmail(Email newEmail) {
        email = newEmail.value();
    }

    private void apply(CustomerIdentity identity, ContactDetails contact, PostalAddress address) {
        switch (identity) {
            case Person person -> {
                firstName = person.firstName();
                lastName = person.lastName();
            }
            case Organisation organisation -> organisationName = organisation.name();
        }
        searchName = SearchName.fold(displayName());
        email = contact.email() == null ? null : contact.email().value();
        mobile = contact.mobile() == null ? null : contact.mobile().value();
        street = address == null ? null : address.street();
        postcode = address == null ? null : address.postcode();
        city = address == null ? null : address.city();
        countryCode = address == null ? null : address.countryCode();
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public CustomerNumber number() {
        return new CustomerNumber(customerNumber);
    }

    public CustomerKind kind() {
        return kind;
    }

    public CustomerIdentity identity() {
        return kind == CustomerKind.PRIVATE
                ? new Person(new NationalId(nationalId), firstName, lastName)
                : new Organisation(new OrganisationNumber(organisationNumber), organisationName);
    }

    public Optional<NationalId> nationalId() {
        return Optional.ofNullable(nationalId).map(NationalId::new);
    }

    public Optional<LocalDate> dateOfBirth() {
        return Optional.ofNullable(dateOfBirth);
    }

    /** "First Last" for a person, the registered name for an organisation. */
    public String displayName() {
        return kind == CustomerKind.PRIVATE ? firstName + " " + lastName : organisationName;
    }

    public ContactDetails contact() {
        return new ContactDetails(email == null ? null : new Email(email), mobile == null ? null : new MobileNumber(mobile));
    }

    public Optional<PostalAddress> address() {
        return street == null ? Optional.empty() : Optional.of(new PostalAddress(street, postcode, city, countryCode));
    }

    @Override
    public String toString() {
        return "Customer[" + customerNumber + ", " + kind + "]";
    }
}

package no.kraft.cis.customer;

import java.util.List;
import java.util.Optional;
import no.kraft.cis.customer.CustomerIdentity.Organisation;
import no.kraft.cis.customer.CustomerIdentity.Person;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, changes and finds customers. One transaction per command. */
@Service
@Transactional
public class CustomerService {

    private final CustomerRepository customers;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    CustomerService(CustomerRepository customers, org.springframework.jdbc.core.simple.JdbcClient jdbc,
            org.springframework.context.ApplicationEventPublisher events) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.events = events;
    }

    public Customer register(NewCustomer registration) {
        switch (registration.identity()) {
            case Person person -> {
                if (customers.existsByNationalId(person.nationalId().value())) {
                    throw new ConflictException("nationalId", "customer.nationalIdTaken",
                            "a customer with this national ID already exists");
                }
            }
            case Organisation organisation -> {
                if (customers.existsByOrganisationNumber(organisation.organisationNumber().value())) {
                    throw new ConflictException("organisationNumber", "customer.organisationNumberTaken",
                            "a customer with organisation number " + organisation.organisationNumber() + " already exists");
                }
            }
        }
        CustomerNumber number = new CustomerNumber(customers.nextCustomerNumber());
        return customers.save(Customer.register(number, registration));
    }

    public Customer change(CustomerNumber number, CustomerChange change) {
        Customer customer = get(number);
        if (customer.version() != change.expectedVersion()) {
            throw ConflictException.staleVersion("customer " + number, change.expectedVersion(), customer.version());
        }
        EndUserDetails before = EndUserDetails.of(customer);
        customer.change(change);
        Customer saved = customers.saveAndFlush(customer);
        told(before, saved);
        return saved;
    }

    /** Replaces only the e-mail address (a partner's "change email" — no version needed for one field). */
    public Customer changeEmail(CustomerNumber number, Email email) {
        Customer customer = get(number);
        EndUserDetails before = EndUserDetails.of(customer);
        customer.changeEmail(email);
        Customer saved = customers.saveAndFlush(customer);
        told(before, saved);
        return saved;
    }

    /** What the market holds about an end user (Elhub's BRS-NO-301): names, contact, postal address. */
    private record EndUserDetails(CustomerIdentity identity, ContactDetails contact, Optional<PostalAddress> address) {

        static EndUserDetails of(Customer c) {
            return new EndUserDetails(c.identity(), c.contact(), c.address());
        }
    }

    /** In the same transaction, so whoever must pass the change on (Elhub) stores that it must, or nothing is changed. */
    private void told(EndUserDetails before, Customer after) {
        if (!before.equals(EndUserDetails.of(after))) {
            events.publishEvent(new CustomerDetailsChanged(after.id(), after.number()));
        }
    }

    @Transactional(readOnly = true)
    public Customer get(CustomerNumber number) {
        return find(number).orElseThrow(() -> new NotFoundException("customer", number));
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(CustomerNumber number) {
        return customers.findByCustomerNumber(number.value());
    }

    /** The customer with this national ID or organisation number, if registered. */
    @Transactional(readOnly = true)
    public Optional<Customer> findByIdentity(CustomerIdentity identity) {
        return switch (identity) {
            case Person person -> customers.findByNationalId(person.nationalId().value());
            case Organisation organisation -> customers.findByOrganisationNumber(organisation.organisationNumber().value());
        };
    }

    @Transactional(readOnly = true)
    public Optional<Customer> findById(long id) {
        return customers.findById(id);
    }

    /** The customer numbers of many customers by internal ID, without loading them (the billing run's chunk). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, CustomerNumber> numbers(java.util.Collection<Long> ids) {
        java.util.Map<Long, CustomerNumber> numbers = new java.util.HashMap<>();
        jdbc.sql("select id, customer_number from customer where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((java.sql.ResultSet rs) -> {
                    numbers.put(rs.getLong(1), new CustomerNumber(rs.getLong(2)));
                });
        return numbers;
    }
}

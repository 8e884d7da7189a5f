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

    CustomerService(CustomerRepository customers) {
        this.customers = customers;
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
        customer.change(change);
        return customers.saveAndFlush(customer);
    }

    /** Replaces only the e-mail address (a partner's "change email" — no version needed for one field). */
    public Customer changeEmail(CustomerNumber number, Email email) {
        Customer customer = get(number);
        customer.changeEmail(email);
        return customers.saveAndFlush(customer);
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

    /** Many customers by internal ID (the billing run's chunk). */
    @Transactional(readOnly = true)
    public List<Customer> findAllById(java.util.Collection<Long> ids) {
        return customers.findAllById(ids);
    }
}

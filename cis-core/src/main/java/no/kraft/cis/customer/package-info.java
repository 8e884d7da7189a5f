/**
 * Customers (kunder): private persons identified by national ID (fødselsnummer / D-nummer) and organisations
 * identified by organisation number, with contact channels and postal address. Public surface:
 * {@link no.kraft.cis.customer.CustomerService}, {@link no.kraft.cis.customer.Customer} and the value types.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "period"})
package no.kraft.cis.customer;

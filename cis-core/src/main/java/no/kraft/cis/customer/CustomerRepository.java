package no.kraft.cis.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByCustomerNumber(long customerNumber);

    boolean existsByNationalId(String nationalId);

    Optional<Customer> findByNationalId(String nationalId);

    Optional<Customer> findByOrganisationNumber(String organisationNumber);

    boolean existsByOrganisationNumber(String organisationNumber);

    @Query(value = "select nextval('customer_number_seq')", nativeQuery = true)
    long nextCustomerNumber();
}

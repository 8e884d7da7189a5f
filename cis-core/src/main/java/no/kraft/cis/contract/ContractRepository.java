package no.kraft.cis.contract;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContractRepository extends JpaRepository<Contract, Long> {

    Optional<Contract> findByContractNumber(long contractNumber);

    List<Contract> findByCustomerIdOrderByContractNumber(long customerId);

    @Query(value = "select nextval('contract_number_seq')", nativeQuery = true)
    long nextContractNumber();
}

package no.kraft.cis.contract;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContractRepository extends JpaRepository<Contract, Long> {

    Optional<Contract> findByContractNumber(long contractNumber);

    List<Contract> findByCustomerIdOrderByContractNumber(long customerId);

    /** Metering points supplied on some day of [from, to) — under {@code productCode}, or any product when it is null. */
    @Query(value = """
            select distinct d.metering_point_id from delivery d
            where (cast(:product as varchar) is null or d.product_code = :product)
              and daterange(d.valid_from, d.valid_to, '[)') && daterange(cast(:from as date), cast(:to as date), '[)')
            order by 1""", nativeQuery = true)
    List<Long> meteringPointsSupplied(@Param("product") String productCode, @Param("from") java.time.LocalDate from,
            @Param("to") java.time.LocalDate to);

    /** Contracts with a delivery to the metering point. */
    @Query("select distinct c from Contract c join c.deliveries d where d.meteringPointId = :mp order by c.contractNumber")
    List<Contract> supplying(@Param("mp") long meteringPointId);

    @Query(value = "select nextval('contract_number_seq')", nativeQuery = true)
    long nextContractNumber();
}

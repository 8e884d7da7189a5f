package no.kraft.cis.tariffelement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TariffElementRepository extends JpaRepository<TariffElement, Long> {

    Optional<TariffElement> findByCode(String code);

    boolean existsByCode(String code);

    List<TariffElement> findAllByOrderByGroupCodeAscCodeAsc();

    /** Elements of {@code productCode} and those for every product, valid on some day of [from, to). */
    @Query("""
            select e from TariffElement e
            where (e.productCode = :product or e.productCode is null)
              and e.validFrom < :to and (e.validTo is null or e.validTo > :from)
            order by e.groupCode, e.code""")
    List<TariffElement> inForce(@Param("product") String productCode, @Param("from") LocalDate from, @Param("to") LocalDate to);
}

package no.kraft.cis.meteringpoint;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeteringPointRepository extends JpaRepository<MeteringPoint, Long> {

    Optional<MeteringPoint> findByGsrn(String gsrn);

    /** Metering points in {@code area} on some day of [from, to). */
    @org.springframework.data.jpa.repository.Query(value = """
            select distinct c.metering_point_id from metering_point_characteristics c
            where c.price_area = :area
              and daterange(c.valid_from, c.valid_to, '[)') && daterange(cast(:from as date), cast(:to as date), '[)')
            order by 1""", nativeQuery = true)
    java.util.List<Long> inPriceArea(@org.springframework.data.repository.query.Param("area") String area,
            @org.springframework.data.repository.query.Param("from") java.time.LocalDate from,
            @org.springframework.data.repository.query.Param("to") java.time.LocalDate to);

    boolean existsByGsrn(String gsrn);
}

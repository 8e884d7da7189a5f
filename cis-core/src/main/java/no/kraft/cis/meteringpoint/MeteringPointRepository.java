package no.kraft.cis.meteringpoint;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeteringPointRepository extends JpaRepository<MeteringPoint, Long> {

    Optional<MeteringPoint> findByGsrn(String gsrn);

    boolean existsByGsrn(String gsrn);
}

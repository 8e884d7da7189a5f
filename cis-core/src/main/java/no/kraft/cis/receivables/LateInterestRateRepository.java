package no.kraft.cis.receivables;

import org.springframework.data.jpa.repository.JpaRepository;

interface LateInterestRateRepository extends JpaRepository<LateInterestRateRow, Long> {
}

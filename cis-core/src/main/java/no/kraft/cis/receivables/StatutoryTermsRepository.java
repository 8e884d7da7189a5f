package no.kraft.cis.receivables;

import org.springframework.data.jpa.repository.JpaRepository;

interface StatutoryTermsRepository extends JpaRepository<StatutoryTermsRow, Long> {
}

package no.kraft.cis.price;

import org.springframework.data.jpa.repository.JpaRepository;

interface PriceCalculationRepository extends JpaRepository<PriceCalculation, Integer> {
}

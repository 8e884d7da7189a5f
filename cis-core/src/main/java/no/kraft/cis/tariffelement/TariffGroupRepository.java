package no.kraft.cis.tariffelement;

import org.springframework.data.jpa.repository.JpaRepository;

interface TariffGroupRepository extends JpaRepository<TariffGroup, String> {
}

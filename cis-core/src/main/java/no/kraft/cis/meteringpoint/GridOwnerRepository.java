package no.kraft.cis.meteringpoint;

import org.springframework.data.jpa.repository.JpaRepository;

interface GridOwnerRepository extends JpaRepository<GridOwner, String> {
}

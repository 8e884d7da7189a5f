package no.kraft.cis.segment;

import org.springframework.data.jpa.repository.JpaRepository;

interface SegmentGroupRepository extends JpaRepository<SegmentGroup, Integer> {
}

package no.kraft.cis.segment;

import org.springframework.data.jpa.repository.JpaRepository;

interface SegmentRepository extends JpaRepository<Segment, Integer> {
}

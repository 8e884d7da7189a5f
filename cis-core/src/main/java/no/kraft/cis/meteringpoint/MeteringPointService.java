package no.kraft.cis.meteringpoint;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers metering points, versions their master data and sets their properties. One transaction per command. */
@Service
@Transactional
public class MeteringPointService {

    private final MeteringPointRepository meteringPoints;
    private final GridOwnerRepository gridOwners;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final no.kraft.cis.invoice.RecalculationNeeds recalculation;
    private final IndustryCodeList industryCodes = IndustryCodeList.standard();
    private final MunicipalityList municipalities = MunicipalityList.standard();

    MeteringPointService(MeteringPointRepository meteringPoints, GridOwnerRepository gridOwners, EntityManager entityManager,
            ApplicationEventPublisher events, no.kraft.cis.invoice.RecalculationNeeds recalculation) {
        this.recalculation = recalculation;
        this.meteringPoints = meteringPoints;
        this.gridOwners = gridOwners;
        this.entityManager = entityManager;
        this.events = events;
    }

    public MeteringPoint register(NewMeteringPoint command) {
        if (meteringPoints.existsByGsrn(command.id().value())) {
            throw new ConflictException("meteringPointId", "meteringPoint.exists",
                    "metering point " + command.id() + " is already registered");
        }
        requireKnownReferences(command.characteristics(), command.validFrom());
        return meteringPoints.saveAndFlush(MeteringPoint.register(command.id(), command.validFrom(), command.characteristics()));
    }

    public MeteringPoint changeCharacteristics(MeteringPointId id, long expectedVersion, LocalDate validFrom, Characteristics next) {
        MeteringPoint point = forChange(id, expectedVersion);
        requireKnownReferences(next, validFrom);
        point.changeCharacteristics(validFrom, next);
        MeteringPoint saved = meteringPoints.saveAndFlush(point);
        // price area, VAT exemption, end-user group… from validFrom: an invoiced month from then on must be recalculated
        recalculation.changed(saved.id(), no.kraft.cis.period.Period.from(validFrom), no.kraft.cis.invoice.RecalculationNeed.Reason.MASTER_DATA,
                "master data changed from " + validFrom);
        return saved;
    }

    /**
     * @param expectedVersion the version the client read, or {@code null} for system callers (sync jobs) that act on
     *                        the current state whatever it is
     */
    public MeteringPoint setProperty(MeteringPointId id, Long expectedVersion, PropertyCode code, int value, String note,
            LocalDate validFrom) {
        MeteringPoint point = forChange(id, expectedVersion);
        boolean changed = point.setProperty(code, value, note, validFrom);
        MeteringPoint saved = meteringPoints.saveAndFlush(point);
        if (changed) {
            events.publishEvent(new PropertyChanged(saved.id(), id, code));
        }
        return saved;
    }

    /**
     * Re-derives the settled compensation (900) from {@code from} on; publishes {@link PropertyChanged} when it changed,
     * so the compensation segments follow in the same transaction.
     *
     * @return whether anything changed
     */
    public boolean rederiveSettledCompensation(MeteringPointId id, LocalDate from, List<MeteringPoint.DerivedValue> timeline) {
        MeteringPoint point = get(id);
        if (!point.rederiveSettledCompensation(from, timeline)) {
            return false;
        }
        entityManager.lock(point, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        MeteringPoint saved = meteringPoints.saveAndFlush(point);
        events.publishEvent(new PropertyChanged(saved.id(), id, PropertyCode.SETTLED_COMPENSATION));
        return true;
    }

    public MeteringPoint endProperty(MeteringPointId id, Long expectedVersion, PropertyCode code, LocalDate validTo) {
        MeteringPoint point = forChange(id, expectedVersion);
        point.endProperty(code, validTo);
        MeteringPoint saved = meteringPoints.saveAndFlush(point);
        events.publishEvent(new PropertyChanged(saved.id(), id, code));
        return saved;
    }

    @Transactional(readOnly = true)
    public MeteringPoint get(MeteringPointId id) {
        return find(id).orElseThrow(() -> new NotFoundException("metering point", id));
    }

    @Transactional(readOnly = true)
    public Optional<MeteringPoint> find(MeteringPointId id) {
        return meteringPoints.findByGsrn(id.value());
    }

    /** Internal IDs of the metering points in {@code area} on some day of {@code period}. */
    @Transactional(readOnly = true)
    public List<Long> inPriceArea(PriceArea area, no.kraft.cis.period.Period period) {
        return meteringPoints.inPriceArea(area.name(), period.from(), period.to());
    }

    @Transactional(readOnly = true)
    public Optional<MeteringPoint> findById(long id) {
        return meteringPoints.findById(id);
    }

    @Transactional(readOnly = true)
    public List<MeteringPoint> findAllById(Collection<Long> ids) {
        return meteringPoints.findAllById(ids);
    }

    @Transactional(readOnly = true)
    public Page<MeteringPoint> list(int page, int size) {
        return meteringPoints.findAll(PageRequest.of(page, size, Sort.by("gsrn", "id")));
    }

    public GridOwner registerGridOwner(Gln gln, String name) {
        if (gridOwners.existsById(gln.value())) {
            throw new ConflictException("gln", "gridOwner.exists", "grid owner " + gln + " is already registered");
        }
        return gridOwners.saveAndFlush(new GridOwner(gln, name));
    }

    @Transactional(readOnly = true)
    public List<GridOwner> gridOwners() {
        return gridOwners.findAll(Sort.by("name", "gln"));
    }

    @Transactional(readOnly = true)
    public Optional<GridOwner> gridOwner(Gln gln) {
        return gridOwners.findById(gln.value());
    }

    private MeteringPoint forChange(MeteringPointId id, Long expectedVersion) {
        MeteringPoint point = get(id);
        if (expectedVersion != null && point.version() != expectedVersion) {
            throw ConflictException.staleVersion("metering point " + id, expectedVersion, point.version());
        }
        // Bumps the version now and holds a row lock, so concurrent changes to the same point's history serialise.
        entityManager.lock(point, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return point;
    }

    private void requireKnownReferences(Characteristics characteristics, LocalDate validFrom) {
        if (!gridOwners.existsById(characteristics.gridOwner().value())) {
            throw ValidationFailedException.of("gridOwnerGln", "gridOwner.unknown",
                    "grid owner " + characteristics.gridOwner() + " is not registered");
        }
        if (characteristics.industryCode() != null) {
            try {
                industryCodes.requireValid(characteristics.industryCode(), validFrom);
            } catch (no.kraft.cis.rule.InvalidValueException e) {
                throw ValidationFailedException.of("industryCode", e.rule(), e.getMessage());
            }
        }
        String municipality = characteristics.address().municipalityNumber();
        if (municipality != null) {
            try {
                municipalities.requireValid(municipality, validFrom);
            } catch (no.kraft.cis.rule.InvalidValueException e) {
                throw ValidationFailedException.of("address.municipalityNumber", e.rule(), e.getMessage());
            }
        }
    }
}

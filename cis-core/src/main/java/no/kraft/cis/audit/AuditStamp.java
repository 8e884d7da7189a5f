package no.kraft.cis.audit;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Who and when, for code that writes rows with plain JDBC (bulk imports) rather than through JPA auditing. */
@Component
public class AuditStamp {

    private final Clock clock;
    private final ObjectProvider<CurrentActor> actor;

    AuditStamp(Clock clock, ObjectProvider<CurrentActor> actor) {
        this.clock = clock;
        this.actor = actor;
    }

    public Instant now() {
        return clock.instant();
    }

    public String actor() {
        return actor.getIfAvailable(() -> () -> CurrentActor.SYSTEM).name();
    }
}

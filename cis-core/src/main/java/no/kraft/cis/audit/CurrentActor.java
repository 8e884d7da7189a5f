package no.kraft.cis.audit;

/**
 * Who is acting right now — a staff member, a partner client, or a job. Supplied by the application (from the
 * authenticated token); without one, writes are recorded as {@value #SYSTEM}.
 */
@FunctionalInterface
public interface CurrentActor {

    String SYSTEM = "system";

    String name();
}

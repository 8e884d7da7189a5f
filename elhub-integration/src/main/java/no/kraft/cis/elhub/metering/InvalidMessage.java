package no.kraft.cis.elhub.metering;

/** A message from Elhub that breaks a rule we read it by: nothing of it is applied. */
public class InvalidMessage extends RuntimeException {

    private final String rule;

    public InvalidMessage(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}

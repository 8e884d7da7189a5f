package no.kraft.cis.delivery.ehf;

/** A rendered EHF document failed the official rules, so it must not leave: the validation says which rules and where. */
public class InvalidEhfDocument extends RuntimeException {

    private final transient EhfValidation validation;

    public InvalidEhfDocument(String document, EhfValidation validation) {
        super(document + " fails " + validation.ruleSet() + ": " + validation.errors());
        this.validation = validation;
    }

    public EhfValidation validation() {
        return validation;
    }
}

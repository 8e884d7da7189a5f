package no.kraft.cis.delivery.ehf;

import no.kraft.cis.delivery.document.DocumentStore;
import no.kraft.cis.rule.ConflictException;

/**
 * An invoice's EHF, made once and stored with its PDF ({@link DocumentStore}): rendered and validated with the Peppol
 * rules the first time, the stored bytes after. A document that breaks a rule is not stored and cannot leave: the
 * refusal names the rules (409 {@code ehf.invalid}); a buyer that is no organisation gets 409 {@code ehf.buyer}.
 */
public class EhfInvoices {

    private final DocumentStore store;
    private final EhfDocuments documents;

    public EhfInvoices(DocumentStore store, EhfDocuments documents) {
        this.store = store;
        this.documents = documents;
    }

    public byte[] ehf(long invoiceNumber) {
        try {
            return store.stored(invoiceNumber, DocumentStore.Format.EHF, d -> documents.render(d).xml());
        } catch (BuyerHasNoOrganisationNumber person) {
            throw new ConflictException("invoiceNumber", "ehf.buyer", "invoice " + invoiceNumber + " is a person's: EHF is for "
                    + "organisations (an organisation number as Peppol endpoint 0192)");
        } catch (IllegalArgumentException cannot) {
            throw new ConflictException("invoiceNumber", "ehf.invalid", "invoice " + invoiceNumber + " cannot be made as EHF: "
                    + cannot.getMessage());
        } catch (InvalidEhfDocument invalid) {
            throw new ConflictException("invoiceNumber", "ehf.invalid", "the EHF of invoice " + invoiceNumber + " breaks the Peppol rules "
                    + invalid.validation().ruleSet() + ": " + String.join("; ", invalid.validation().errors().stream()
                            .map(f -> f.ruleId() + " " + f.text()).toList()));
        }
    }
}

package no.kraft.cis.delivery.ehf;

import com.helger.diagnostics.error.IError;
import com.helger.diagnostics.error.level.EErrorLevel;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.peppol.PeppolValidation2025_11;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Validates EHF 3.0 / Peppol BIS Billing 3.0 documents with the official rules as phive bundles them: the UBL 2.1
 * schema, the CEN EN 16931 Schematron (BR-*) and OpenPeppol's Schematron (PEPPOL-EN16931-*, PEPPOL-COMMON-* and the
 * Norwegian NO-R-001/002), compiled from the official artefacts, never rewritten by us.
 *
 * <p>The rule set is pinned by version ({@link #RULE_SET_VERSION}) so a library upgrade cannot change what passes
 * without a visible code change. One instance for the JVM ({@link #shared()}): phive's registry is thread-safe, and
 * the compiled XSLTs it caches make the first validation slow and later ones fast.
 */
public final class EhfValidator {

    /** The Peppol rule set release in use: phive-rules-peppol's newest that our Maven mirror serves. */
    public static final String RULE_SET_VERSION = PeppolValidation2025_11.VERSION_STR;

    private static final Logger log = LoggerFactory.getLogger(EhfValidator.class);

    private final ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
    private final IValidationExecutorSet<IValidationSourceXML> invoiceRules;
    private final IValidationExecutorSet<IValidationSourceXML> creditNoteRules;
    private final AtomicBoolean compiled = new AtomicBoolean();

    private EhfValidator() {
        long start = System.nanoTime();
        PeppolValidation2025_11.init(registry);
        invoiceRules = rules(PeppolValidation2025_11.VID_OPENPEPPOL_INVOICE_UBL_V3);
        creditNoteRules = rules(PeppolValidation2025_11.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3);
        log.info("Peppol BIS Billing 3.0 rules {} registered in {} ms", RULE_SET_VERSION, (System.nanoTime() - start) / 1_000_000);
    }

    private static final class Holder {
        static final EhfValidator INSTANCE = new EhfValidator();
    }

    /** The one validator of the JVM, built on first use. */
    public static EhfValidator shared() {
        return Holder.INSTANCE;
    }

    private IValidationExecutorSet<IValidationSourceXML> rules(DVRCoordinate id) {
        IValidationExecutorSet<IValidationSourceXML> ves = registry.getOfID(id);
        if (ves == null) {
            throw new IllegalStateException("phive-rules-peppol has no validation executor set " + id.getAsSingleID());
        }
        return ves;
    }

    /** Validates a UBL Invoice or CreditNote given as XML. */
    public EhfValidation validate(byte[] xml) {
        return validate(parse(xml));
    }

    /** Validates a UBL Invoice or CreditNote given as a DOM (namespace-aware). */
    public EhfValidation validate(Document ubl) {
        IValidationExecutorSet<IValidationSourceXML> ves = rulesFor(ubl);
        ValidationResultList results = compiled.get() ? run(ves, ubl) : firstRun(ves, ubl);
        List<FailedRule> failures = new ArrayList<>();
        results.forEachFlattened(error -> failures.add(failedRule(error)));
        EhfValidation validation = new EhfValidation(ves.getID().getAsSingleID(), failures);
        if (validation.valid() != results.containsNoError()) {
            // both must agree: our severity mapping decides "valid" only because it matches phive's
            throw new IllegalStateException("severity mapping disagrees with phive on " + failures);
        }
        return validation;
    }

    /**
     * phive compiles each rule XSLT on first use and caches it, but threads arriving together would each compile it (a
     * few seconds of CPU apiece): the first validation runs alone, later ones in parallel.
     */
    private synchronized ValidationResultList firstRun(IValidationExecutorSet<IValidationSourceXML> ves, Document ubl) {
        if (compiled.get()) {
            return run(ves, ubl);
        }
        long start = System.nanoTime();
        ValidationResultList results = run(ves, ubl);
        compiled.set(true);
        log.info("First EHF validation, compiling the rule set's XSLTs, took {} ms", (System.nanoTime() - start) / 1_000_000);
        return results;
    }

    private static ValidationResultList run(IValidationExecutorSet<IValidationSourceXML> ves, Document ubl) {
        return ValidationExecutionManager.executeValidation(IValidityDeterminator.createDefault(), ves, ValidationSourceXML.create(null, ubl),
                Locale.ENGLISH);
    }

    private IValidationExecutorSet<IValidationSourceXML> rulesFor(Document ubl) {
        String root = ubl.getDocumentElement().getLocalName();
        return switch (root) {
            case "Invoice" -> invoiceRules;
            case "CreditNote" -> creditNoteRules;
            default -> throw new IllegalArgumentException("not a UBL Invoice or CreditNote: <" + root + ">");
        };
    }

    private static FailedRule failedRule(IError error) {
        FailedRule.Severity severity = error.getErrorLevel().isGE(EErrorLevel.ERROR) ? FailedRule.Severity.ERROR
                : error.getErrorLevel().isGE(EErrorLevel.WARN) ? FailedRule.Severity.WARNING : FailedRule.Severity.INFO;
        String location = error.hasErrorFieldName() ? error.getErrorFieldName()
                : error.hasErrorLocation() ? error.getErrorLocation().getAsString() : "";
        String text = error.getErrorText(Locale.ENGLISH);
        return new FailedRule(error.hasErrorID() ? error.getErrorID() : "", severity, text == null ? "" : text.strip(), location);
    }

    static Document parse(byte[] xml) {
        try {
            // the JDK's own, as newInstance() finds (no jar registers another) — without searching every jar for it each time
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }
}

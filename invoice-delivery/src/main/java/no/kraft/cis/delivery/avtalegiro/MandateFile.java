package no.kraft.cis.delivery.avtalegiro;

import java.time.LocalDate;
import java.util.List;

/**
 * A mandate list from Nets (AvtaleGiro-avtaler, assignment type 24): one transmission of one or more assignments,
 * one per payee account.
 *
 * @param dataSender Nets' customer unit id (00008080 in the lists Nets sends)
 * @param dataRecipient our customer unit id
 * @param date the date in the transmission end record (positions 42–47), when Nets made the list
 */
public record MandateFile(String dataSender, String dataRecipient, int transmissionNumber, LocalDate date,
                          List<Assignment> assignments) {

    public MandateFile {
        assignments = List.copyOf(assignments);
    }

    /** The mandates on one payee account. */
    public record Assignment(int assignmentNumber, String payeeAccount, List<Mandate> mandates) {

        public Assignment {
            mandates = List.copyOf(mandates);
        }
    }
}

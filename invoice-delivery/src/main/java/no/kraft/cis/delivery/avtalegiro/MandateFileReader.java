package no.kraft.cis.delivery.avtalegiro;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.invoice.Kid;
import no.kraft.cis.payment.nets.NetsFileException;
import no.kraft.cis.payment.nets.NetsRecord;

/**
 * Reads the mandate list Nets sends us (service 21, assignment type 24): transmission start (10), per assignment a
 * start (20), mandate records (70, transaction type 94) and an end (88), transmission end (89). The counts in the
 * end records are checked (transactions 9–16, records 17–24, start and end records included), and the
 * transmission's sum of amounts (25–41) must be zero, a mandate carrying no amount.
 *
 * <p>Every KID must pass cis-core's {@link Kid} (digits, MOD10): a mandate with a KID that is not one of ours
 * cannot be matched to a customer, so the file is refused and the case goes to a person rather than being dropped.
 */
public final class MandateFileReader {

    private MandateFileReader() {
    }

    /** @throws NetsFileException naming the line and the rule when the file is not a consistent mandate list */
    public static MandateFile read(byte[] file) {
        RecordCursor in = RecordCursor.of(file);
        NetsRecord start = in.take("NY000010", "the transmission start (NY000010)");
        String dataSender = start.digits(9, 16, "data sender");
        int transmissionNumber = start.integer(17, 23, "transmission number");
        String dataRecipient = start.digits(24, 31, "data recipient");

        List<MandateFile.Assignment> assignments = new ArrayList<>();
        while (in.nextIs("NY212420")) {
            assignments.add(assignment(in));
        }
        NetsRecord end = in.take("NY000089", "a mandate assignment start (NY212420) or the transmission end (NY000089)");
        end.expect(9, 16, "number of transactions", assignments.stream().mapToInt(a -> a.mandates().size()).sum(),
                "avtaleGiro.recordCount");
        end.expect(17, 24, "number of records", in.taken(), "avtaleGiro.recordCount");
        end.expect(25, 41, "sum of amounts", 0, "avtaleGiro.controlSum");
        LocalDate date = end.date(42, 47, "date");
        in.requireEnd();
        return new MandateFile(dataSender, dataRecipient, transmissionNumber, date, assignments);
    }

    private static MandateFile.Assignment assignment(RecordCursor in) {
        int before = in.taken();
        NetsRecord start = in.take("a mandate assignment start");
        int number = start.integer(18, 24, "assignment number");
        String account = start.digits(25, 35, "payee account");

        List<Mandate> mandates = new ArrayList<>();
        while (in.nextIs("NY219470")) {
            mandates.add(mandate(in.take("a mandate")));
        }
        NetsRecord end = in.take("NY212488", "a mandate (NY219470) or the end of assignment " + number + " (NY212488)");
        end.expect(9, 16, "number of transactions", mandates.size(), "avtaleGiro.recordCount");
        end.expect(17, 24, "number of records", in.taken() - before, "avtaleGiro.recordCount");
        return new MandateFile.Assignment(number, account, mandates);
    }

    /** 9–15 serial number, 16 registration type, 17–41 KID right-aligned, 42 written notice J/N. */
    private static Mandate mandate(NetsRecord record) {
        int serialNumber = record.integer(9, 15, "serial number");
        char registration = record.field(16, 16).charAt(0);
        RegistrationType type = RegistrationType.of(registration).orElseThrow(() -> record.error("avtaleGiro.format",
                "registration type (position 16) '" + registration + "' is none of 0, 1, 2"));
        Kid kid = record.kid(17, 41);
        boolean wantsNotice = switch (record.field(42, 42)) {
            case "J" -> true;
            case "N" -> false;
            default -> throw record.error("avtaleGiro.format",
                    "written notice (position 42) '" + record.field(42, 42) + "' is neither J nor N");
        };
        return new Mandate(serialNumber, type, kid, wantsNotice);
    }
}

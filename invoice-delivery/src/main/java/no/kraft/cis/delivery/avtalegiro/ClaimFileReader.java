package no.kraft.cis.delivery.avtalegiro;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.invoice.Kid;
import no.kraft.cis.payment.nets.NetsFileException;
import no.kraft.cis.payment.nets.NetsRecord;

/**
 * Reads a claim file (payee → Nets) back into a {@link ClaimFile}: what {@link ClaimFileWriter} writes, and files
 * in the same layout from elsewhere. Every end record is checked against what was read: the assignment end's number
 * of transactions (9–16), of records (17–24, start and end included), sum in øre (25–41) and first and last due date
 * (42–47, 48–53); the transmission end's number of transactions, of records, sum and first due date (42–47). The
 * file must be addressed to Nets (data recipient 00008080). Specification records (49) are read only after a claim
 * of transaction type 21; their line (1–42) and column (1–2) must ascend.
 */
public final class ClaimFileReader {

    private ClaimFileReader() {
    }

    /** @throws NetsFileException naming the line and the rule when the file is not a consistent claim file */
    public static ClaimFile read(byte[] file) {
        RecordCursor in = RecordCursor.of(file);
        NetsRecord start = in.take("NY000010", "the transmission start (NY000010)");
        String dataSender = start.digits(9, 16, "data sender");
        int transmissionNumber = start.integer(17, 23, "transmission number");
        if (!start.digits(24, 31, "data recipient").equals(ClaimFileWriter.NETS)) {
            throw start.error("avtaleGiro.format", "data recipient (positions 24–31) " + start.field(24, 31)
                    + " is not Nets (" + ClaimFileWriter.NETS + ")");
        }

        List<ClaimFile.Assignment> assignments = new ArrayList<>();
        ControlTotals all = ControlTotals.NONE;
        while (in.nextIs("NY210020") || in.nextIs("NY213620")) {
            ClaimFile.Assignment assignment = assignment(in);
            assignments.add(assignment);
            all = all.plus(ControlTotals.of(assignment.claims()));
        }
        NetsRecord end = in.take("NY000089",
                "an assignment start (NY210020, NY213620) or the transmission end (NY000089)");
        end.expect(9, 16, "number of transactions", all.transactions(), "avtaleGiro.recordCount");
        end.expect(17, 24, "number of records", in.taken(), "avtaleGiro.recordCount");
        end.expect(25, 41, "sum of amounts", all.sumInOre(), "avtaleGiro.controlSum");
        expectDate(end, 42, 47, "first due date", all.firstDueDate());
        in.requireEnd();
        return new ClaimFile(dataSender, transmissionNumber, assignments);
    }

    private static ClaimFile.Assignment assignment(RecordCursor in) {
        int before = in.taken();
        NetsRecord start = in.take("an assignment start");
        ClaimFile.AssignmentType type = start.type().equals("00")
                ? ClaimFile.AssignmentType.CLAIMS : ClaimFile.AssignmentType.DELETIONS;
        int number = start.integer(18, 24, "assignment number");
        String account = start.digits(25, 35, "payee account");

        List<Claim> claims = new ArrayList<>();
        while (in.nextHasRecordType("30")) {
            claims.add(claim(in, type));
        }
        String endCode = "NY21" + type.code() + "88";
        NetsRecord end = in.take(endCode, "an amount item 1 (record type 30) or the end of assignment " + number
                + " (" + endCode + ")");
        ControlTotals totals = ControlTotals.of(claims);
        end.expect(9, 16, "number of transactions", totals.transactions(), "avtaleGiro.recordCount");
        end.expect(17, 24, "number of records", in.taken() - before, "avtaleGiro.recordCount");
        end.expect(25, 41, "sum of amounts", totals.sumInOre(), "avtaleGiro.controlSum");
        expectDate(end, 42, 47, "first due date", totals.firstDueDate());
        expectDate(end, 48, 53, "last due date", totals.lastDueDate());
        return new ClaimFile.Assignment(type, number, account, claims);
    }

    /** Amount item 1, amount item 2 and, for transaction type 21, the notice's specification records. */
    private static Claim claim(RecordCursor in, ClaimFile.AssignmentType assignmentType) {
        NetsRecord first = in.take("an amount item 1");
        String type = first.type();
        boolean allowed = assignmentType == ClaimFile.AssignmentType.DELETIONS
                ? type.equals("93") : type.equals("02") || type.equals("21");
        if (!first.code().startsWith("NY21") || !allowed) {
            throw first.error("avtaleGiro.format", "transaction type " + type + " does not belong in an assignment of "
                    + (assignmentType == ClaimFile.AssignmentType.DELETIONS ? "deletions (93)" : "claims (02, 21)"));
        }
        String number = first.digits(9, 15, "transaction number");
        LocalDate dueDate = first.date(16, 21, "due date");
        if (dueDate == null) {
            throw first.error("avtaleGiro.format", "transaction " + number + " has no due date");
        }
        long amount = first.number(33, 49, "amount");
        Kid kid = first.kid(50, 74);

        NetsRecord second = in.take("NY21" + type + "31", "amount item 2 (NY21" + type + "31) of transaction " + number);
        sameTransaction(second, number);
        String payerShortName = second.text(16, 25);
        String externalReference = second.text(51, 75);

        BankNotice notice = type.equals("21") ? notice(in, number) : null;
        return new Claim(Integer.parseInt(number), dueDate, amount, kid, payerShortName, externalReference, notice);
    }

    /** 9–15 transaction number, 16 "4", 17–19 line, 20 column, 21–60 text; a missing half or line is blank. */
    private static BankNotice notice(RecordCursor in, String number) {
        String[][] halves = new String[BankNotice.MAX_LINES][2];
        int lines = 0;
        int previous = 0;
        while (in.nextIs("NY212149")) {
            NetsRecord spec = in.take("a specification record");
            sameTransaction(spec, number);
            if (!spec.field(16, 16).equals("4")) {
                throw spec.error("avtaleGiro.format", "position 16 '" + spec.field(16, 16) + "' is not 4 (notice)");
            }
            int line = spec.integer(17, 19, "line");
            int column = spec.integer(20, 20, "column");
            if (line < 1 || line > BankNotice.MAX_LINES || column < 1 || column > 2) {
                throw spec.error("avtaleGiro.format", "line " + line + " column " + column + " is outside 1–"
                        + BankNotice.MAX_LINES + " × 1–2");
            }
            int position = line * 2 + column;
            if (position <= previous) {
                throw spec.error("avtaleGiro.format", "line " + line + " column " + column
                        + " does not come after the specification record before it");
            }
            previous = position;
            halves[line - 1][column - 1] = spec.field(21, 60);
            lines = line;
        }
        List<String> text = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            text.add(half(halves[i][0]) + half(halves[i][1]));
        }
        return new BankNotice(text);
    }

    private static String half(String text) {
        return text == null ? " ".repeat(40) : text;
    }

    /** An end record's first or last due date against the claims read ({@code null}: none, the field all zeros). */
    private static void expectDate(NetsRecord end, int from, int to, String what, LocalDate counted) {
        LocalDate stated = end.date(from, to, what);
        if (stated == null ? counted != null : !stated.equals(counted)) {
            throw end.error("avtaleGiro.controlDate", what + " (positions " + from + "–" + to + ") says "
                    + end.field(from, to) + ", the claims give " + (counted == null ? "none" : NetsRecord.date(counted)));
        }
    }

    private static void sameTransaction(NetsRecord record, String number) {
        if (!record.field(9, 15).equals(number)) {
            throw record.error("avtaleGiro.format", "the record is for transaction " + record.field(9, 15)
                    + ", the amount item 1 before it for " + number);
        }
    }
}

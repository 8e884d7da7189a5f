package no.kraft.cis.paymentchannel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.kraft.cis.customer.OrganisationNumber;
import no.kraft.cis.rule.InvalidValueException;

/**
 * Reads a Peppol participant list in the shape of the Peppol Directory's CSV export: a header row, {@code ;} or
 * {@code ,} separated, fields optionally in double quotes; a column {@code Participant ID} (required), and optionally
 * {@code Names} / {@code Name} and {@code Document types}. Only Norwegian organisation numbers (scheme 0192) with a
 * valid check digit are kept; other rows are counted as skipped.
 */
final class PeppolListCsv {

    static final String INVOICE_DOCUMENT_TYPE = "invoice-2::invoice";

    record Row(String organisationNumber, String participantId, String name, boolean acceptsInvoice) {
    }

    record Parsed(List<Row> rows, int skipped) {
    }

    private PeppolListCsv() {
    }

    static Parsed parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String header = lines.readLine();
            if (header == null) {
                throw new InvalidValueException("peppolList.format", "the participant list is empty");
            }
            char separator = header.indexOf(';') >= 0 ? ';' : ',';
            List<String> columns = fields(header, separator).stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            int id = columns.indexOf("participant id");
            if (id < 0) {
                throw new InvalidValueException("peppolList.format", "the participant list has no 'Participant ID' column");
            }
            int name = columns.indexOf("names") >= 0 ? columns.indexOf("names") : columns.indexOf("name");
            int documentTypes = columns.indexOf("document types");
            Map<String, Row> rows = new LinkedHashMap<>();
            int skipped = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = fields(line, separator);
                String participant = id < f.size() ? f.get(id).strip() : "";
                String value = participant.replaceFirst("(?i)^iso6523-actorid-upis::", "");
                if (!value.startsWith("0192:") || !validOrganisationNumber(value.substring(5))) {
                    skipped++;
                    continue;
                }
                boolean accepts = documentTypes < 0 || (documentTypes < f.size()
                        && f.get(documentTypes).toLowerCase(Locale.ROOT).contains(INVOICE_DOCUMENT_TYPE));
                String orgNumber = value.substring(5);
                rows.put(orgNumber, new Row(orgNumber, value, name >= 0 && name < f.size() ? blankToNull(f.get(name)) : null, accepts));
            }
            return new Parsed(List.copyOf(rows.values()), skipped);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean validOrganisationNumber(String value) {
        try {
            new OrganisationNumber(value);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        String stripped = s.strip();
        return stripped.isEmpty() ? null : stripped.length() > 300 ? stripped.substring(0, 300) : stripped;
    }

    /** One CSV line's fields; a quoted field may hold the separator and doubled quotes. */
    static List<String> fields(String line, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }
}

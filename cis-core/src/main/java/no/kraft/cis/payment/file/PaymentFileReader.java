package no.kraft.cis.payment.file;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import no.kraft.cis.rule.InvalidValueException;

/**
 * Reads an incoming-payment file whatever its format: a Nets OCR giro file when the first non-blank line is a
 * transmission start record ({@code NY000010}), a camt.054 notification when it is XML whose document holds a
 * {@code BkToCstmrDbtCdtNtfctn}. Anything else, and any error inside the file, is refused with an
 * {@link InvalidValueException}.
 */
public final class PaymentFileReader {

    private PaymentFileReader() {
    }

    public static PaymentFile read(byte[] content) {
        Objects.requireNonNull(content, "content");
        String text = decode(content);
        String first = firstNonBlankLine(text);
        if (first.startsWith(OcrGiroReader.TRANSMISSION_START)) {
            return OcrGiroReader.read(text);
        }
        if (first.stripLeading().startsWith("<")) {
            return Camt054Reader.read(XmlElement.parse(content));
        }
        throw new InvalidValueException("paymentFile.format",
                "neither an OCR giro file (first record " + OcrGiroReader.TRANSMISSION_START
                        + ") nor a camt.054 XML notification");
    }

    /** UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (the classic OCR giro encoding); a BOM is dropped. */
    private static String decode(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(content, StandardCharsets.ISO_8859_1);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String firstNonBlankLine(String text) {
        for (String line : OcrGiroReader.LINE_BREAK.split(text)) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }
}

package no.kraft.cis.delivery.sms;

/**
 * How many SMS parts (segmenter) a text takes, by the GSM 03.38 / 3GPP TS 23.038 rules: a text whose every character
 * is in the GSM 7-bit default alphabet is sent as GSM-7 — 160 septets in one SMS, 153 per part once it is
 * concatenated (the user data header takes 7) — and a character of the extension table ({@code ^ { } \ [ ~ ] | €} and
 * form feed) takes two septets (an escape and the character), never split across parts. Any other character makes the
 * whole text UCS-2: 70 UTF-16 units in one SMS, 67 per part, a surrogate pair never split. æøåÆØÅ are in the default
 * alphabet; a non-breaking space, an en dash or a typographic minus are not, and turn the text into UCS-2.
 *
 * @param encoding how the text is sent
 * @param units septets for GSM-7, UTF-16 code units for UCS-2
 * @param count the number of SMS parts; an empty text is one (empty) SMS
 */
public record SmsParts(Encoding encoding, int units, int count) {

    public enum Encoding { GSM_7, UCS_2 }

    /** The default alphabet without the escape (0x1B), in code order. */
    static final String GSM_7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table's characters, each sent as escape + character. */
    static final String GSM_7_EXTENSION = "\f^{}\\[~]|€";

    public static final int GSM_7_SINGLE = 160;
    public static final int GSM_7_PART = 153;
    public static final int UCS_2_SINGLE = 70;
    public static final int UCS_2_PART = 67;

    public static SmsParts of(CharSequence text) {
        return isGsm7(text) ? gsm7(text) : ucs2(text);
    }

    /** Whether every character is in the GSM 7-bit default alphabet or its extension table. */
    public static boolean isGsm7(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_7_BASIC.indexOf(c) < 0 && GSM_7_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static SmsParts gsm7(CharSequence text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM_7_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (septets <= GSM_7_SINGLE) {
            return new SmsParts(Encoding.GSM_7, septets, 1);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = GSM_7_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > GSM_7_PART) {
                parts++;
                used = 0;
            }
            used += size;
        }
        return new SmsParts(Encoding.GSM_7, septets, parts);
    }

    /** The parts of a text sent as UCS-2 whatever its characters (a gateway told to use UCS-2). */
    public static SmsParts ucs2(CharSequence text) {
        int units = text.length();
        if (units <= UCS_2_SINGLE) {
            return new SmsParts(Encoding.UCS_2, units, 1);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            if (used + size > UCS_2_PART) {
                parts++;
                used = 0;
            }
            used += size;
            i += size - 1;
        }
        return new SmsParts(Encoding.UCS_2, units, parts);
    }
}

package no.kraft.cis.delivery.document;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Drops tables from a TrueType font file. The invoice font goes without its {@code GSUB} table (glyph substitution:
 * ligatures such as "fi"): PDFBox applies the substitution rules to every string it draws, building regular
 * expressions each time, which measured as more than half of the time of rendering an invoice, and Norwegian invoice
 * text needs no ligature. The tables kept are copied unchanged (their own checksums hold); only the directory is
 * written again.
 */
final class TrueTypeTables {

    private TrueTypeTables() {
    }

    static byte[] without(byte[] font, Set<String> drop) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int version = in.getInt(0);
        int count = Short.toUnsignedInt(in.getShort(4));
        record Table(String tag, int checksum, int offset, int length) {
        }
        List<Table> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = 12 + 16 * i;
            byte[] tag = new byte[4];
            in.get(at, tag);
            Table t = new Table(new String(tag, java.nio.charset.StandardCharsets.US_ASCII), in.getInt(at + 4), in.getInt(at + 8),
                    in.getInt(at + 12));
            if (!drop.contains(t.tag())) {
                kept.add(t);
            }
        }
        int n = kept.size();
        int headerSize = 12 + 16 * n;
        int size = headerSize;
        for (Table t : kept) {
            size += (t.length() + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        int entrySelector = 31 - Integer.numberOfLeadingZeros(n);
        int searchRange = (1 << entrySelector) * 16;
        out.putInt(version).putShort((short) n).putShort((short) searchRange).putShort((short) entrySelector)
                .putShort((short) (n * 16 - searchRange));
        int offset = headerSize;
        for (Table t : kept) {
            byte[] tag = t.tag().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            out.put(tag).putInt(t.checksum()).putInt(offset).putInt(t.length());
            offset += (t.length() + 3) & ~3;
        }
        for (Table t : kept) {
            out.put(font, t.offset(), t.length());
            for (int pad = t.length(); (pad & 3) != 0; pad++) {
                out.put((byte) 0);
            }
        }
        return out.array();
    }
}

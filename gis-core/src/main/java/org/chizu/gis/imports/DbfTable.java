package org.chizu.gis.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the attribute table of a Shapefile: a dBase III (.dbf) file, one record per shape. Its
 * text has no encoding of its own; the caller chooses one, from the .cpg file, the header's
 * language driver id, or by {@link #decodesStrictly trying}. Values come out as the attribute types
 * parse them: text (C) without its padding, numbers (N, F) as Long when they have no decimals and
 * BigDecimal otherwise, logicals (L) as Boolean, dates (D) as ISO text (YYYY-MM-DD); blanks are null.
 */
final class DbfTable implements AutoCloseable {

    private static final int FIELD_DESCRIPTOR_BYTES = 32;
    private static final byte HEADER_END = 0x0D;
    private static final byte DELETED = '*';
    /** Text, number, floating number, logical, date: what dBase III and so Shapefiles have. */
    private static final String TYPES = "CNFLD";

    /** One column of the table, its name still undecoded. */
    record Field(byte[] name, char type, int length, int decimals) {
    }

    /**
     * One record.
     *
     * @param number  its position in the file, counting from 1: the number of its shape
     * @param deleted whether dBase marked it deleted
     * @param values  each field's bytes, as stored
     */
    record Row(int number, boolean deleted, byte[][] values) {
    }

    private final InputStream in;
    private final int recordCount;
    private final int languageDriver;
    private final List<Field> fields = new ArrayList<>();
    private final int recordLength;
    private int read;

    /**
     * Reads the table's header.
     *
     * @throws UnreadableShapefileException when it is not a dBase header or is cut short
     */
    DbfTable(InputStream dbf) throws IOException {
        in = new BufferedInputStream(dbf, 1 << 16);
        ByteBuffer header = ByteBuffer.wrap(readFully(32, "its header")).order(ByteOrder.LITTLE_ENDIAN);
        recordCount = header.getInt(4);
        int headerLength = Short.toUnsignedInt(header.getShort(8));
        recordLength = Short.toUnsignedInt(header.getShort(10));
        languageDriver = Byte.toUnsignedInt(header.get(29));
        int descriptorBytes = headerLength - 32;
        if (recordCount < 0 || descriptorBytes < 1) {
            throw new UnreadableShapefileException("the .dbf file is not a dBase table (its header is " + headerLength + " bytes long)");
        }
        ByteBuffer descriptors = ByteBuffer.wrap(readFully(descriptorBytes, "its field descriptions"));
        int width = 1;
        while (descriptors.remaining() >= FIELD_DESCRIPTOR_BYTES && descriptors.get(descriptors.position()) != HEADER_END) {
            byte[] descriptor = new byte[FIELD_DESCRIPTOR_BYTES];
            descriptors.get(descriptor);
            int nameEnd = 0;
            while (nameEnd < 11 && descriptor[nameEnd] != 0) {
                nameEnd++;
            }
            Field field = new Field(Arrays.copyOf(descriptor, nameEnd), (char) descriptor[11],
                    Byte.toUnsignedInt(descriptor[16]), Byte.toUnsignedInt(descriptor[17]));
            if (TYPES.indexOf(Character.toUpperCase(field.type())) < 0) {
                throw new UnreadableShapefileException("the .dbf field " + new String(field.name(), StandardCharsets.UTF_8)
                        + " has the dBase type '" + field.type() + "', which a Shapefile's table does not use (C, N, F, L and D)");
            }
            fields.add(field);
            width += field.length();
        }
        if (width != recordLength) {
            throw new UnreadableShapefileException("the .dbf file's fields add up to " + width + " bytes a record, its header says "
                    + recordLength + ": the file is damaged");
        }
    }

    /** The number of records the header gives. */
    int recordCount() {
        return recordCount;
    }

    /** The dBase language driver id (LDID, byte 29 of the header); 0 when the writer set none. */
    int languageDriver() {
        return languageDriver;
    }

    List<Field> fields() {
        return fields;
    }

    /**
     * The next record, or null after the last the header counts.
     *
     * @throws UnreadableShapefileException when the file ends before that
     */
    Row next() throws IOException {
        if (read >= recordCount) {
            return null;
        }
        byte[] bytes = in.readNBytes(recordLength);
        if (bytes.length < recordLength) {
            throw new UnreadableShapefileException("the .dbf file ends after " + read + " of the " + recordCount
                    + " records its header gives: the file is truncated");
        }
        read++;
        byte[][] values = new byte[fields.size()][];
        int offset = 1;
        for (int i = 0; i < fields.size(); i++) {
            values[i] = Arrays.copyOfRange(bytes, offset, offset + fields.get(i).length());
            offset += fields.get(i).length();
        }
        return new Row(read, bytes[0] == DELETED, values);
    }

    /** The field names in this encoding. */
    List<String> fieldNames(Charset charset) {
        return fields.stream().map(field -> new String(field.name(), charset).strip()).toList();
    }

    /** A record's values by field name, in field order. */
    Map<String, Object> values(Row row, List<String> names, Charset charset) throws UndecodableTextException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            try {
                values.put(names.get(i), value(fields.get(i), row.values()[i], charset));
            } catch (CharacterCodingException e) {
                throw new UndecodableTextException(names.get(i), charset);
            }
        }
        return values;
    }

    /** A text value whose bytes are no text in the encoding the table is read in. */
    static final class UndecodableTextException extends Exception {

        final String field;

        UndecodableTextException(String field, Charset charset) {
            super("holds bytes that are not " + TextEncoding.displayName(charset) + " text: save the table again in UTF-8 "
                    + "or Shift_JIS, or give its encoding (encoding)");
            this.field = field;
        }
    }

    private static Object value(Field field, byte[] bytes, Charset charset) throws CharacterCodingException {
        String ascii = new String(bytes, StandardCharsets.ISO_8859_1).strip();
        return switch (Character.toUpperCase(field.type())) {
            case 'C' -> text(bytes, charset);
            case 'N', 'F' -> number(ascii, field.decimals());
            case 'L' -> switch (ascii.isEmpty() ? '?' : Character.toUpperCase(ascii.charAt(0))) {
                case 'T', 'Y' -> Boolean.TRUE;
                case 'F', 'N' -> Boolean.FALSE;
                case '?' -> null;
                default -> ascii;
            };
            default -> date(ascii);
        };
    }

    private static String text(byte[] bytes, Charset charset) throws CharacterCodingException {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
        }
        return end == 0 ? null : strict(charset).decode(ByteBuffer.wrap(bytes, 0, end)).toString();
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Blank, or stars (dBase's overflow), is no value; text that is no number is left for the attribute check to report. */
    private static Object number(String ascii, int decimals) {
        if (ascii.isEmpty() || ascii.chars().allMatch(c -> c == '*') || ascii.equals(".")) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(ascii);
            return decimals == 0 && number.scale() <= 0 ? (Object) number.longValueExact() : number;
        } catch (NumberFormatException | ArithmeticException e) {
            return ascii;
        }
    }

    /** YYYYMMDD as YYYY-MM-DD; blank or zeros is no date; anything else is left for the attribute check to report. */
    private static String date(String ascii) {
        if (ascii.isEmpty() || ascii.equals("00000000")) {
            return null;
        }
        return ascii.matches("[0-9]{8}") ? ascii.substring(0, 4) + "-" + ascii.substring(4, 6) + "-" + ascii.substring(6) : ascii;
    }

    /** Whether every field name and text value of the rest of the table decodes in this encoding without a wrong byte. */
    boolean decodesStrictly(Charset charset) throws IOException {
        var decoder = strict(charset);
        try {
            for (Field field : fields) {
                decoder.decode(ByteBuffer.wrap(field.name()));
            }
            for (Row row = next(); row != null; row = next()) {
                for (int i = 0; i < fields.size(); i++) {
                    if (Character.toUpperCase(fields.get(i).type()) == 'C') {
                        decoder.decode(ByteBuffer.wrap(row.values()[i]));
                    }
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private byte[] readFully(int bytes, String what) throws IOException {
        byte[] data = in.readNBytes(bytes);
        if (data.length < bytes) {
            throw new UnreadableShapefileException("the .dbf file ends inside " + what + ": the file is truncated");
        }
        return data;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

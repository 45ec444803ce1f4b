package org.chizu.opendata.encoding;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the attribute half of a Shapefile, a dBASE III table (.dbf), with text in UTF-8 (the
 * .cpg file says so; GDAL and QGIS honour it). Field types: C (text, 254 bytes, cut at a
 * character boundary), N (numbers), L (logical) and D (date). The record count is written into
 * the header at the end.
 */
final class DbfWriter implements AutoCloseable {

    /** A column of the table. Invariant: name is ASCII, at most 10 bytes. */
    record Field(String name, char type, int length, int decimals) {

        static final int TEXT_BYTES = 254;

        static Field text(String name) {
            return new Field(name, 'C', TEXT_BYTES, 0);
        }

        static Field integer(String name) {
            return new Field(name, 'N', 18, 0);
        }

        static Field decimal(String name) {
            return new Field(name, 'N', 24, 8);
        }

        static Field logical(String name) {
            return new Field(name, 'L', 1, 0);
        }

        static Field date(String name) {
            return new Field(name, 'D', 8, 0);
        }
    }

    private static final DateTimeFormatter DBF_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final byte FIELD_TERMINATOR = 0x0D;
    private static final byte END_OF_FILE = 0x1A;

    private final Path file;
    private final List<Field> fields;
    private final OutputStream out;
    private final byte[] record;
    private int records;

    DbfWriter(Path file, List<Field> fields) throws IOException {
        this.file = file;
        this.fields = List.copyOf(fields);
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.record = new byte[1 + fields.stream().mapToInt(Field::length).sum()];
        out.write(header(0));
        for (Field field : fields) {
            ByteBuffer descriptor = ByteBuffer.allocate(32);
            descriptor.put(field.name().getBytes(StandardCharsets.US_ASCII));
            descriptor.put(11, (byte) field.type()).put(16, (byte) field.length()).put(17, (byte) field.decimals());
            out.write(descriptor.array());
        }
        out.write(FIELD_TERMINATOR);
    }

    /** Writes one record; values in field order, null for empty. */
    void write(List<Object> values) throws IOException {
        Arrays.fill(record, (byte) ' ');
        int at = 1;
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            byte[] text = format(field, values.get(i));
            boolean rightAligned = field.type() == 'N';
            int start = rightAligned ? at + field.length() - text.length : at;
            System.arraycopy(text, 0, record, start, text.length);
            at += field.length();
        }
        out.write(record);
        records++;
    }

    @Override
    public void close() throws IOException {
        out.write(END_OF_FILE);
        out.close();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(header(records)), 0);
        }
    }

    private byte[] header(int recordCount) {
        LocalDate today = LocalDate.now();
        ByteBuffer header = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 0x03).put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue()).put((byte) today.getDayOfMonth());
        header.putInt(recordCount).putShort((short) (32 + 32 * fields.size() + 1)).putShort((short) record.length);
        return header.array();
    }

    private static byte[] format(Field field, Object value) {
        if (value == null) {
            return field.type() == 'L' ? new byte[] {'?'} : new byte[0];
        }
        String text = switch (field.type()) {
            case 'L' -> (Boolean) value ? "T" : "F";
            case 'D' -> DBF_DATE.format((LocalDate) value);
            case 'N' -> value instanceof BigDecimal decimal
                    ? decimal.setScale(field.decimals(), RoundingMode.HALF_UP).toPlainString()
                    : value.toString();
            default -> value.toString();
        };
        byte[] bytes = field.type() == 'C' ? utf8Within(text, field.length()) : text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > field.length()) {
            throw new IllegalArgumentException("value " + text + " does not fit the " + field.length() + " characters of dbf field " + field.name());
        }
        return bytes;
    }

    /** The UTF-8 bytes of a text, cut to at most {@code limit} bytes without splitting a character. */
    private static byte[] utf8Within(String text, int limit) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limit) {
            return bytes;
        }
        int end = limit;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }
}

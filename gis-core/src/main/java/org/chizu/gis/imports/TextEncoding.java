package org.chizu.gis.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The text encodings of files Japanese offices exchange: UTF-8, and Shift_JIS as Excel and
 * Windows write it. That is Microsoft's variant, Windows-31J (CP932), whose extra characters
 * (①, ㈱, 髙 …) plain Shift_JIS lacks; Chizu reads every "Shift_JIS" file with it.
 */
public final class TextEncoding {

    /** Shift_JIS as Windows writes it. */
    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private static final Set<String> SHIFT_JIS_NAMES = Set.of("shift_jis", "shift-jis", "sjis", "cp932", "ms932", "windows-31j");
    private static final int SHIFT_JIS_CODE_PAGE = 932, UTF8_CODE_PAGE = 65001;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextEncoding() {
    }

    /**
     * The encoding a name stands for: "UTF-8", and "Shift_JIS", "SJIS", "CP932" … for
     * {@link #SHIFT_JIS}; a Windows code page by its number, as Shapefiles' .cpg files give it
     * ("932", "65001" for UTF-8); any other name Java knows as itself.
     *
     * @throws IllegalArgumentException for a name Java does not know
     */
    public static Charset named(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (SHIFT_JIS_NAMES.contains(lower)) {
            return SHIFT_JIS;
        }
        if (lower.matches("[0-9]{3,5}")) {
            return codePage(Integer.parseInt(lower))
                    .orElseThrow(() -> new IllegalArgumentException("unknown code page " + lower + ": use UTF-8 or Shift_JIS"));
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown text encoding '" + name + "': use UTF-8 or Shift_JIS");
        }
    }

    /** A Windows code page by its number (932 is {@link #SHIFT_JIS}, 65001 UTF-8), when Java has it. */
    static Optional<Charset> codePage(int number) {
        if (number == SHIFT_JIS_CODE_PAGE) {
            return Optional.of(SHIFT_JIS);
        }
        if (number == UTF8_CODE_PAGE) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        return Stream.of("cp", "windows-", "x-windows-", "ms", "ibm")
                .filter(prefix -> Charset.isSupported(prefix + number))
                .findFirst()
                .map(prefix -> Charset.forName(prefix + number));
    }

    /** "UTF-8" or "Shift_JIS": the name people know the encoding by. */
    static String displayName(Charset charset) {
        return charset.equals(SHIFT_JIS) ? "Shift_JIS" : charset.name();
    }

    /**
     * UTF-8 when the whole file is valid UTF-8, else {@link #SHIFT_JIS}. Japanese text in
     * Shift_JIS is practically never valid UTF-8, and ASCII-only files read the same either way.
     */
    static Charset detect(Path file) throws IOException {
        var strictUtf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), strictUtf8)) {
            char[] buffer = new char[8192];
            while (reader.read(buffer) >= 0) {
                // Decoding is the check; the text itself is read again by the parser.
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return SHIFT_JIS;
        }
    }

    /**
     * A line of a text file that holds bytes which are no text in its encoding.
     *
     * @param line  the line's number, from 1
     * @param bytes the first wrong bytes, in hexadecimal ("0x85 0xFF")
     */
    record UndecodableLine(int line, String bytes) {
    }

    /**
     * The first line whose bytes do not all decode in the encoding, or empty when every line does.
     * Lines end at byte 0x0A, which is never part of a UTF-8 or Shift_JIS multi-byte character.
     */
    static Optional<UndecodableLine> firstUndecodableLine(Path file, Charset charset) throws IOException {
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            var line = new java.io.ByteArrayOutputStream();
            int number = 1;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    ByteBuffer bytes = ByteBuffer.wrap(line.toByteArray());
                    CoderResult result = decoder.reset().decode(bytes, CharBuffer.allocate(bytes.remaining()), true);
                    if (result.isError()) {
                        return Optional.of(new UndecodableLine(number, hex(bytes.array(), bytes.position(), result.length())));
                    }
                    if (b < 0) {
                        return Optional.empty();
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
        }
    }

    private static String hex(byte[] bytes, int from, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + Math.max(1, length)); i++) {
            text.append(text.isEmpty() ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
        }
        return text.toString();
    }

    /** A reader of the file's text, without the byte order mark that Excel puts before UTF-8. */
    static Reader open(Path file, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (charset.equals(StandardCharsets.UTF_8)) {
            in.mark(UTF8_BOM.length);
            if (!Arrays.equals(in.readNBytes(UTF8_BOM.length), UTF8_BOM)) {
                in.reset();
            }
        }
        return new InputStreamReader(in, charset);
    }
}

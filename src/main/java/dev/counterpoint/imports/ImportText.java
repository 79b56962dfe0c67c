package dev.counterpoint.imports;

import dev.counterpoint.corpus.InvalidImportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an uploaded file as UTF-8, with or without a byte order mark, refusing bytes that are not UTF-8 (with the
 * line they are on) rather than replacing them, and refusing files over the size limit before reading them whole.
 */
final class ImportText {

    private ImportText() {}

    static String read(InputStream in, long maxBytes) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new InvalidImportException("The file is larger than the import limit of " + (maxBytes / (1024 * 1024))
                    + " MB (" + maxBytes + " bytes). Split it into several files and import them one after another.");
        }
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            throw notUtf8(bytes, start, input.position());
        }
        result = decoder.flush(output);
        if (result.isError()) {
            throw notUtf8(bytes, start, input.position());
        }
        output.flip();
        return output.toString();
    }

    private static InvalidImportException notUtf8(byte[] bytes, int start, int offset) {
        int line = 1;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return new InvalidImportException("Line " + line + ": the file is not UTF-8 (byte " + (offset + 1)
                + " is 0x" + String.format("%02X", bytes[offset] & 0xff) + "). Save it as UTF-8 and import it again; "
                + "nothing was stored.");
    }
}

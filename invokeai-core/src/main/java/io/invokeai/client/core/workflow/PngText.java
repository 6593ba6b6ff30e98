package io.invokeai.client.core.workflow;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one text chunk ({@code tEXt}, {@code zTXt} or {@code iTXt}) from PNG bytes, with no image decoding: InvokeAI
 * writes the workflow, graph and metadata of every image it saves into such chunks.
 */
final class PngText {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int MAX_INFLATED = 64 * 1024 * 1024;

    private PngText() {}

    /** The text of the first chunk with this keyword, or empty (also for bytes that are not a PNG). */
    static Optional<String> read(byte[] png, String keyword) {
        if (png == null || png.length < SIGNATURE.length) {
            return Optional.empty();
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                return Optional.empty();
            }
        }
        int pos = SIGNATURE.length;
        while (pos + 8 <= png.length) {
            long length = readInt(png, pos) & 0xffffffffL;
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            if (length > png.length - data) {
                return Optional.empty(); // truncated
            }
            int end = data + (int) length;
            Optional<String> text = switch (type) {
                case "tEXt" -> tEXt(png, data, end, keyword);
                case "zTXt" -> zTXt(png, data, end, keyword);
                case "iTXt" -> iTXt(png, data, end, keyword);
                default -> Optional.empty();
            };
            if (text.isPresent() || "IEND".equals(type)) {
                return text;
            }
            pos = end + 4; // skip CRC
        }
        return Optional.empty();
    }

    private static int readInt(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    private static int nul(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean keywordIs(byte[] b, int start, int nul, String keyword) {
        return new String(b, start, nul - start, StandardCharsets.ISO_8859_1).equals(keyword);
    }

    private static Optional<String> tEXt(byte[] b, int start, int end, String keyword) {
        int nul = nul(b, start, end);
        if (nul < 0 || !keywordIs(b, start, nul, keyword)) {
            return Optional.empty();
        }
        return Optional.of(new String(b, nul + 1, end - nul - 1, StandardCharsets.ISO_8859_1));
    }

    private static Optional<String> zTXt(byte[] b, int start, int end, String keyword) {
        int nul = nul(b, start, end);
        if (nul < 0 || nul + 2 > end || !keywordIs(b, start, nul, keyword)) {
            return Optional.empty();
        }
        return inflate(b, nul + 2, end).map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1));
    }

    private static Optional<String> iTXt(byte[] b, int start, int end, String keyword) {
        int nul = nul(b, start, end);
        if (nul < 0 || nul + 3 > end || !keywordIs(b, start, nul, keyword)) {
            return Optional.empty();
        }
        boolean compressed = b[nul + 1] != 0;
        int language = nul(b, nul + 3, end);
        if (language < 0) {
            return Optional.empty();
        }
        int translated = nul(b, language + 1, end);
        if (translated < 0) {
            return Optional.empty();
        }
        int text = translated + 1;
        if (!compressed) {
            return Optional.of(new String(b, text, end - text, StandardCharsets.UTF_8));
        }
        return inflate(b, text, end).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> inflate(byte[] b, int start, int end) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, start, end - start);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, (end - start) * 4));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    return Optional.empty();
                }
            }
            return Optional.of(out.toByteArray());
        } catch (DataFormatException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }
}

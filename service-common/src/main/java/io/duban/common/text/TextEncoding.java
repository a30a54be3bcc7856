package io.duban.common.text;

import io.duban.common.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes uploaded text files the way county offices produce them: UTF-8 (with or without BOM) or,
 * when the bytes are not UTF-8, GB18030 — what Excel and Notepad on a Chinese Windows save as
 * "ANSI"/GBK. Detected, never asked for.
 */
public final class TextEncoding {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncoding() {
    }

    public static String decode(byte[] body) {
        return decode(body, false);
    }

    /** {@code lenient} replaces what GB18030 cannot read (for sniffing a cut prefix) instead of failing with 400. */
    public static String decode(byte[] body, boolean lenient) {
        int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(body, start, body.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            bytes.rewind();
            bytes.position(start);
            try {
                var decoder = GB18030.newDecoder();
                if (lenient) {
                    decoder.onMalformedInput(CodingErrorAction.REPLACE);
                } else {
                    decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                }
                return decoder.decode(bytes).toString();
            } catch (CharacterCodingException notGb) {
                throw ProblemException.invalidField("body", "无法识别文本编码（既不是 UTF-8 也不是 GB18030/GBK），请另存为 UTF-8 后重试。");
            }
        }
    }
}

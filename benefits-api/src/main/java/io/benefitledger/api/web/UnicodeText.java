package io.benefitledger.api.web;

import java.util.Optional;

/**
 * What text the ledger stores: valid Unicode (no lone surrogate) with no control character but line breaks and tabs,
 * and no non-character (U+FFFE, U+FFFF, U+FDD0 to U+FDEF and the last two code points of every plane), which are
 * reserved for a program's internal use and mean nothing in a name or a description. Emoji, Chinese, combining marks
 * and right-to-left text are text like any other.
 */
public final class UnicodeText {

    private UnicodeText() {
    }

    /** Why {@code text} may not be stored, or empty when it may. */
    public static Optional<String> refusal(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isSurrogate((char) codePoint)) {
                return Optional.of("text must be valid Unicode: it has a lone surrogate (U+%04X) at character %d"
                        .formatted(codePoint, i));
            }
            if (Character.isISOControl(codePoint) && codePoint != '\n' && codePoint != '\r' && codePoint != '\t') {
                return Optional.of("text must not contain control characters (U+%04X at character %d)".formatted(codePoint, i));
            }
            if (isNonCharacter(codePoint)) {
                return Optional.of("text must not contain the Unicode non-character U+%04X (at character %d)"
                        .formatted(codePoint, i));
            }
            i += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    private static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}

package io.invokeai.client.types.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected values were taken from JavaScript (node). */
class JsTextTest {
    @Test
    void parseFloatTakesTheLongestNumericPrefix() {
        String[] inputs = {"2.5x", "abc", ".5", "1e3", "1e", "-.5", "+1", "0x10", " 7 ", "1.2.3", "-0", "5.", "1E-2"};
        double[] expected = {2.5, Double.NaN, 0.5, 1000, 1, -0.5, 1, 0, 7, 1.2, -0.0, 5, 0.01};
        assertThat(Arrays.stream(inputs).mapToDouble(JsText::parseFloat).toArray())
                .containsExactly(expected);
        assertThat(JsText.parseFloat("Infinity")).isInfinite();
    }

    @Test
    void parseIntTakesLeadingDigits() {
        assertThat(Arrays.stream(new String[] {"3.7", "-12abc", "abc", "+5", "1e3", " 42", "-0", "007", ""})
                        .map(JsText::parseInt)
                        .toList())
                .containsExactly(3L, -12L, null, 5L, 1L, 42L, 0L, 7L, null);
        assertThat(JsText.parseInt("99999999999999999999")).isNull();
    }

    @Test
    void splitKeepsEmptyPartsLikeJavaScript() {
        assertThat(JsText.split(",a,,b,", ",")).containsExactly("", "a", "", "b", "");
        assertThat(JsText.split("a\nb", "\\n")).containsExactly("a", "b");
        assertThat(JsText.split("a||b", "||")).containsExactly("a", "b");
        assertThat(JsText.split("a.b", ".")).containsExactly("a", "b");
        assertThat(JsText.split("ab", "")).containsExactly("ab");
    }

    @Test
    void unescapesLikeJsonParse() {
        assertThat(JsText.unescapeJsonString("\\t\\u0041\\/")).isEqualTo("\tA/");
        assertThat(JsText.unescapeJsonString("\\x")).isNull();
        assertThat(JsText.unescapeJsonString("a\"b")).isNull();
        assertThat(JsText.unescapeJsonString("\\u12")).isNull();
        assertThat(JsText.unescapeJsonString("\\")).isNull();
        assertThat(JsText.unescapeJsonString("\n")).isNull();
        // an invalid escape falls back to splitting on the raw text
        assertThat(JsText.split("a\\xb", "\\x")).containsExactly("a", "b");
    }

    @Test
    void trimsJavaScriptWhitespace() {
        assertThat(JsText.trim("\u00a0\u2003 x \ufeff\n")).isEqualTo("x");
        assertThat(JsText.trim("\u200bx")).isEqualTo("\u200bx");
    }
}

package io.benefitledger.api.axon;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ReadableTextSerializerTest {

    static boolean readable(String json) {
        return ReadableTextSerializer.readable(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void text_with_escapes_paired_surrogates_and_any_script_is_readable() {
        assertThat(readable("{\"a\":\"line\\nbreak \\\"quoted\\\" \\\\ud800 is a backslash and letters\"}")).isTrue();
        assertThat(readable("{\"a\":\"\\ud83c\\udf89 合作夥伴 \\u00e9\"}")).isTrue();
    }

    @Test
    void a_lone_or_swapped_surrogate_or_a_nul_is_not() {
        assertThat(readable("{\"a\":\"\\ud800\"}")).isFalse();
        assertThat(readable("{\"a\":\"x\\udc00y\"}")).isFalse();
        assertThat(readable("{\"a\":\"\\udc00\\ud800\"}")).isFalse();
        assertThat(readable("{\"a\":\"\\ud800x\"}")).isFalse();
        assertThat(readable("{\"a\":\"\\u0000\"}")).isFalse();
        assertThat(readable("{\"a\":\"\u0000\"}")).isFalse();
    }
}

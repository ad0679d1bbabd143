package org.dcis.platform.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostIdsTest {
    @Test
    void aPostIdIsACountryADashAndAtMostTheSharedLength() {
        assertThat(PostIds.isValid("SN-DAKAR")).isTrue();
        assertThat(PostIds.isValid("US-NEW-YORK-UN")).isTrue();
        assertThat(PostIds.isValid("SN-D1")).isTrue();
        String longest = "SN-" + "A".repeat(FieldLengths.POST_ID - 3);
        assertThat(longest).hasSize(48);
        assertThat(PostIds.isValid(longest)).isTrue();
        assertThat(PostIds.isValid(longest + "A")).isFalse();
        assertThat(PostIds.isValid("sn-dakar")).isFalse();
        assertThat(PostIds.isValid("SN-")).isFalse();
        assertThat(PostIds.isValid("SN--DAKAR")).isFalse();
        assertThat(PostIds.isValid("SENEGAL")).isFalse();
        assertThat(PostIds.isValid(null)).isFalse();
    }

    @Test
    void theBeanValidationPatternAllowsExactlyTheSharedLength() {
        assertThat(("SN-" + "A".repeat(45)).matches(PostIds.PATTERN)).isTrue();
        assertThat(("SN-" + "A".repeat(46)).matches(PostIds.PATTERN)).isFalse();
        assertThat(PostIds.MAX_LENGTH).isEqualTo(FieldLengths.POST_ID);
    }
}

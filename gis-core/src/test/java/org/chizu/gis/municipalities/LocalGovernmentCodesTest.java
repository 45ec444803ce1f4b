package org.chizu.gis.municipalities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** 全国地方公共団体コード: the check digit (JIS X 0402 weights 6…2, mod 11) and the codes a person may type. */
class LocalGovernmentCodesTest {

    @Test
    void theCheckDigitIsElevenMinusTheWeightedSumModElevenLastDigit() {
        assertThat(LocalGovernmentCodes.withCheckDigit("32204")).isEqualTo("322041");
        assertThat(LocalGovernmentCodes.withCheckDigit("32206")).isEqualTo("322067");
        assertThat(LocalGovernmentCodes.withCheckDigit("13101")).isEqualTo("131016");
        assertThat(LocalGovernmentCodes.withCheckDigit("01101")).isEqualTo("011011");
    }

    @Test
    void fiveDigitsOrSixWithTheRightCheckDigitNameTheSameMunicipality() {
        assertThat(LocalGovernmentCodes.fiveDigits("32203")).isEqualTo("32203");
        assertThat(LocalGovernmentCodes.fiveDigits(" 322032 ")).isEqualTo("32203");
    }

    @Test
    void aWrongCheckDigitIsRefusedNamingTheRightCode() {
        assertThatThrownBy(() -> LocalGovernmentCodes.fiveDigits("322031"))
                .isInstanceOfSatisfying(MunicipalityProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.getMessage()).isEqualTo("the check digit of 322031 is wrong: the code 32203 with its check digit is 322032");
                    assertThat(problem.members()).containsEntry("expected", "322032");
                });
    }

    @Test
    void whatIsNoCodeIsRefusedWithAnExample() {
        for (String notACode : new String[] {"3220", "3220x", "1234567", "99999", "00123"}) {
            assertThatThrownBy(() -> LocalGovernmentCodes.fiveDigits(notACode)).as(notACode)
                    .isInstanceOf(MunicipalityProblem.class).hasMessageContaining("such as 32203 or 322032");
        }
    }
}

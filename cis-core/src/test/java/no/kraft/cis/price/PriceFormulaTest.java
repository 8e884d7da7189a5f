package no.kraft.cis.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceFormulaTest {

    private static BigDecimal eval(String formula, String spot) {
        return PriceFormula.parse(formula).evaluate(new BigDecimal(spot), new BigDecimal("0.75"));
    }

    @ParameterizedTest(name = "{0} with :a = {1} → {2}")
    @CsvSource(delimiter = ';', value = {
            ":a-0.40;             1.234567;  0.834567",    // Norgespris basis: spot − 40 øre
            ":a-0.40;             0.15;     -0.250000",    // spot below the reference: negative
            "1+2*3;               0;         7.000000",    // * binds tighter than +
            "(1+2)*3;             0;         9.000000",
            "2-3-4;               0;        -5.000000",    // left-associative
            "8/4/2;               0;         1.000000",
            "-:a;                 0.5;      -0.500000",    // unary minus
            "--:a;                0.5;       0.500000",
            ":a*-1;               0.5;      -0.500000",
            "-(:a-1)*2;           0.25;      1.500000",
            "1/3;                 0;         0.333333",    // rounded half-up to six decimals
            "2/3;                 0;         0.666667",
            "min(:a, 1.5);        2;         1.500000",
            "max(:a-:t, 0)*0.9;   1.75;      0.900000",    // strømstøtte: 90 % of (1.75 − 0.75)
            "max(:a-:t, 0)*0.9;   0.5;       0.000000",    // below the threshold: nothing
            "max(min(:a, 2), .5); 0.1;       0.500000",
            " :a  -  0.40 ;       1;         0.600000",
    })
    void evaluates(String formula, String spot, String expected) {
        assertThat(eval(formula, spot)).isEqualByComparingTo(expected).hasScaleOf(6);
    }

    @ParameterizedTest(name = "\"{0}\" fails at {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            ":a-;          4; the formula ends",
            "(:a-0.4;      8; expected ')'",
            ":b;           1; unknown variable",
            "mix(1,2);     1; unknown function 'mix'",
            "1..2;         1; '1..2' is not a number",
            ":a 0.4;       4; unexpected '0'",
            ":a/0;         3; division by zero",
            ":a/(1-1)+0/0; 11; division by zero",   // the literal 0/0; (1-1) is only known at evaluation
            "min(1);       6; expected ','",
            "2*;           3; the formula ends",
            ":a+)1;        4; unexpected ')'",
            "java.lang.System.exit(0); 1; unknown function 'java'",
    })
    void rejectsMalformedFormulasWithPositionAndReason(String formula, int position, String reason) {
        assertThatThrownBy(() -> PriceFormula.parse(formula))
                .isInstanceOfSatisfying(FormulaException.class, e -> {
                    assertThat(e.rule()).isEqualTo("formula.syntax");
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.getMessage()).contains("at position " + position).contains(reason);
                });
    }

    @Test
    void emptyFormulaIsRejected() {
        assertThatThrownBy(() -> PriceFormula.parse("  ")).isInstanceOf(FormulaException.class);
    }

    @Test
    void divisionByASpotPriceOfZeroFailsAtEvaluation() {
        PriceFormula formula = PriceFormula.parse("1/:a");
        assertThat(formula.evaluate(new BigDecimal("4"), null)).isEqualByComparingTo("0.25");
        assertThatThrownBy(() -> formula.evaluate(BigDecimal.ZERO, null))
                .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.rule()).isEqualTo("formula.evaluation"));
    }

    @Test
    void thresholdMustBeGivenWhenUsed() {
        assertThat(PriceFormula.parse("max(:a-:t,0)").usesThreshold()).isTrue();
        assertThat(PriceFormula.parse(":a-0.40").usesThreshold()).isFalse();
        assertThatThrownBy(() -> PriceFormula.parse(":a-:t").evaluate(BigDecimal.ONE, null))
                .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.position()).isEqualTo(4));
    }
}

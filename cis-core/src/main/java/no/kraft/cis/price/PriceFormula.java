package no.kraft.cis.price;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A price-table formula (pristabellformel) over the spot price, e.g. {@code :a-0.40} ("Norgespris 40 øre basis") or
 * {@code max(:a-:t, 0)*0.9} (strømstøtte: 90 % above the threshold).
 *
 * <p>Grammar — parsed by hand, no script engine, so a formula can only compute:
 * <pre>
 *   expr    = term { ("+" | "-") term }
 *   term    = unary { ("*" | "/") unary }
 *   unary   = "-" unary | primary
 *   primary = number | ":a" | ":t" | ("min" | "max") "(" expr "," expr ")" | "(" expr ")"
 * </pre>
 * {@code :a} is the spot price in NOK/kWh of the interval, {@code :t} the calculation's threshold value. Arithmetic is
 * {@link BigDecimal} with 34 significant digits; {@link #evaluate} rounds the result to {@value #SCALE} decimals.
 */
public final class PriceFormula {

    /** Decimals of a price-table value in NOK/kWh. */
    public static final int SCALE = 6;

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private final String text;
    private final Node root;

    private PriceFormula(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** @throws FormulaException rule {@code formula.syntax} with the position and reason */
    public static PriceFormula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FormulaException("formula.syntax", 1, "the formula is empty");
        }
        if (text.length() > 500) {
            throw new FormulaException("formula.syntax", 501, "a formula has at most 500 characters");
        }
        Parser parser = new Parser(text);
        Node root = parser.expression();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.peek() + "'");
        }
        return new PriceFormula(text, root);
    }

    /**
     * @param spot the spot price {@code :a} in NOK/kWh
     * @param threshold the threshold {@code :t}; may be {@code null} if the formula does not use it
     * @throws FormulaException rule {@code formula.evaluation} on division by zero or a missing threshold
     */
    public BigDecimal evaluate(BigDecimal spot, BigDecimal threshold) {
        return root.value(Objects.requireNonNull(spot, "spot"), threshold).setScale(SCALE, RoundingMode.HALF_UP);
    }

    public boolean usesThreshold() {
        return root.usesThreshold();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private sealed interface Node {
        BigDecimal value(BigDecimal spot, BigDecimal threshold);

        boolean usesThreshold();
    }

    private record Constant(BigDecimal value) implements Node {
        public BigDecimal value(BigDecimal spot, BigDecimal threshold) {
            return value;
        }

        public boolean usesThreshold() {
            return false;
        }
    }

    private record Spot() implements Node {
        public BigDecimal value(BigDecimal spot, BigDecimal threshold) {
            return spot;
        }

        public boolean usesThreshold() {
            return false;
        }
    }

    private record Threshold(int position) implements Node {
        public BigDecimal value(BigDecimal spot, BigDecimal threshold) {
            if (threshold == null) {
                throw new FormulaException("formula.evaluation", position, ":t is used but the calculation has no threshold value");
            }
            return threshold;
        }

        public boolean usesThreshold() {
            return true;
        }
    }

    private record Negate(Node operand) implements Node {
        public BigDecimal value(BigDecimal spot, BigDecimal threshold) {
            return operand.value(spot, threshold).negate();
        }

        public boolean usesThreshold() {
            return operand.usesThreshold();
        }
    }

    private record Binary(char operator, Node left, Node right, int position) implements Node {
        public BigDecimal value(BigDecimal spot, BigDecimal threshold) {
            BigDecimal l = left.value(spot, threshold);
            BigDecimal r = right.value(spot, threshold);
            return switch (operator) {
                case '+' -> l.add(r, PRECISION);
                case '-' -> l.subtract(r, PRECISION);
                case '*' -> l.multiply(r, PRECISION);
                case '/' -> {
                    if (r.signum() == 0) {
                        throw new FormulaException("formula.evaluation", position, "division by zero");
                    }
                    yield l.divide(r, PRECISION);
                }
                case 'm' -> l.min(r);
                case 'M' -> l.max(r);
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        public boolean usesThreshold() {
            return left.usesThreshold() || right.usesThreshold();
        }
    }

    /** Recursive descent over the text; positions are 1-based for people. */
    private static final class Parser {
        private final String text;
        private int index;

        Parser(String text) {
            this.text = text;
        }

        Node expression() {
            Node left = term();
            while (true) {
                skipSpaces();
                if (!atEnd() && (peek() == '+' || peek() == '-')) {
                    char operator = text.charAt(index++);
                    left = new Binary(operator, left, term(), index);
                } else {
                    return left;
                }
            }
        }

        private Node term() {
            Node left = unary();
            while (true) {
                skipSpaces();
                if (!atEnd() && (peek() == '*' || peek() == '/')) {
                    int position = index + 1;
                    char operator = text.charAt(index++);
                    Node right = unary();
                    if (operator == '/' && right instanceof Constant c && c.value().signum() == 0) {
                        throw new FormulaException("formula.syntax", position, "division by zero");
                    }
                    left = new Binary(operator, left, right, position);
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            skipSpaces();
            if (!atEnd() && peek() == '-') {
                index++;
                return new Negate(unary());
            }
            return primary();
        }

        private Node primary() {
            skipSpaces();
            if (atEnd()) {
                throw error("the formula ends where a number, :a, :t, min, max or '(' was expected");
            }
            char c = peek();
            int start = index;
            if (Character.isDigit(c) || c == '.') {
                while (!atEnd() && (Character.isDigit(peek()) || peek() == '.')) {
                    index++;
                }
                String number = text.substring(start, index);
                if (!number.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
                    index = start;
                    throw error("'" + number + "' is not a number");
                }
                return new Constant(new BigDecimal(number));
            }
            if (c == ':') {
                index++;
                if (!atEnd() && peek() == 'a') {
                    index++;
                    return new Spot();
                }
                if (!atEnd() && peek() == 't') {
                    index++;
                    return new Threshold(start + 1);
                }
                index = start;
                throw error("unknown variable; use :a (spot price) or :t (threshold)");
            }
            if (c == '(') {
                index++;
                Node inner = expression();
                expect(')');
                return inner;
            }
            if (Character.isLetter(c)) {
                while (!atEnd() && Character.isLetter(peek())) {
                    index++;
                }
                String name = text.substring(start, index);
                if (!name.equals("min") && !name.equals("max")) {
                    index = start;
                    throw error("unknown function '" + name + "'; use min or max");
                }
                expect('(');
                Node first = expression();
                expect(',');
                Node second = expression();
                expect(')');
                return new Binary(name.equals("min") ? 'm' : 'M', first, second, start + 1);
            }
            throw error("unexpected '" + c + "'");
        }

        private void expect(char wanted) {
            skipSpaces();
            if (atEnd() || peek() != wanted) {
                throw error("expected '" + wanted + "'" + (atEnd() ? " but the formula ended" : " but found '" + peek() + "'"));
            }
            index++;
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                index++;
            }
        }

        boolean atEnd() {
            return index >= text.length();
        }

        char peek() {
            return text.charAt(index);
        }

        FormulaException error(String reason) {
            return new FormulaException("formula.syntax", index + 1, reason);
        }
    }
}

package org.vernissage.shaders.isf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A pass's {@code WIDTH} or {@code HEIGHT}: arithmetic over {@code $WIDTH}, {@code $HEIGHT} (the
 * frame's size) and {@code $name} (an input's value): numbers, {@code + - * /}, unary minus,
 * parentheses, and the functions {@code max min floor ceil round abs sqrt pow clamp}. Parsed once
 * by {@link #parse}; {@link #evaluate} walks the tree and allocates nothing.
 *
 * <p>Immutable; any thread. The engine evaluates it when the canvas is resized or an input it
 * names changes, not per frame.
 */
public final class IsfExpression {

    /** The values of the variables an expression names, by name without the {@code $}. */
    @FunctionalInterface
    public interface Variables {
        double value(String name);
    }

    private final String text;
    private final Node root;
    private final Set<String> variables;

    private IsfExpression(String text, Node root, Set<String> variables) {
        this.text = text;
        this.root = root;
        this.variables = Set.copyOf(variables);
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not an expression; the message says
     *     at which character and what was expected there
     */
    public static IsfExpression parse(String text) {
        Parser parser = new Parser(text);
        Node root = parser.sum();
        parser.skipSpace();
        if (parser.at < text.length()) {
            throw parser.expected("an operator (+ - * /) or the end");
        }
        return new IsfExpression(text, root, parser.names);
    }

    /** The variables it names, without {@code $}: {@code WIDTH}, {@code HEIGHT} or input names. */
    public Set<String> variables() {
        return variables;
    }

    public double evaluate(Variables values) {
        return root.eval(values);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        double eval(Variables values);
    }

    private record Constant(double value) implements Node {
        public double eval(Variables values) {
            return value;
        }
    }

    private record Variable(String name) implements Node {
        public double eval(Variables values) {
            return values.value(name);
        }
    }

    private record Binary(char op, Node left, Node right) implements Node {
        public double eval(Variables values) {
            double a = left.eval(values);
            double b = right.eval(values);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> a / b;
            };
        }
    }

    private record Negation(Node operand) implements Node {
        public double eval(Variables values) {
            return -operand.eval(values);
        }
    }

    private record Call(String function, Node[] arguments) implements Node {
        public double eval(Variables values) {
            double a = arguments[0].eval(values);
            return switch (function) {
                case "floor" -> Math.floor(a);
                case "ceil" -> Math.ceil(a);
                case "round" -> Math.rint(a);
                case "abs" -> Math.abs(a);
                case "sqrt" -> Math.sqrt(a);
                case "max" -> Math.max(a, arguments[1].eval(values));
                case "min" -> Math.min(a, arguments[1].eval(values));
                case "pow" -> Math.pow(a, arguments[1].eval(values));
                default -> Math.min(Math.max(a, arguments[1].eval(values)), arguments[2].eval(values)); // clamp
            };
        }
    }

    /** Recursive descent over the text; one per {@link #parse} call. */
    private static final class Parser {
        private final String text;
        private final Set<String> names = new LinkedHashSet<>();
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node sum() {
            Node left = product();
            for (char op = peek(); op == '+' || op == '-'; op = peek()) {
                at++;
                left = new Binary(op, left, product());
            }
            return left;
        }

        Node product() {
            Node left = unary();
            for (char op = peek(); op == '*' || op == '/'; op = peek()) {
                at++;
                left = new Binary(op, left, unary());
            }
            return left;
        }

        Node unary() {
            char c = peek();
            if (c == '-') {
                at++;
                return new Negation(unary());
            }
            if (c == '+') {
                at++;
                return unary();
            }
            return primary();
        }

        Node primary() {
            char c = peek();
            if (c == '(') {
                at++;
                Node inner = sum();
                expect(')');
                return inner;
            }
            if (c == '$') {
                at++;
                String name = identifier();
                if (name.isEmpty()) {
                    throw expected("a name after $");
                }
                names.add(name);
                return new Variable(name);
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c)) {
                return call();
            }
            throw expected("a number, $WIDTH, $HEIGHT, $input, a function or (");
        }

        Node number() {
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            try {
                return new Constant(Double.parseDouble(text.substring(start, at)));
            } catch (NumberFormatException e) {
                at = start;
                throw expected("a number");
            }
        }

        Node call() {
            int start = at;
            String function = identifier();
            int arity = switch (function) {
                case "floor", "ceil", "round", "abs", "sqrt" -> 1;
                case "max", "min", "pow" -> 2;
                case "clamp" -> 3;
                default -> -1;
            };
            if (arity < 0) {
                at = start;
                throw expected("a function of max, min, floor, ceil, round, abs, sqrt, pow, clamp (or $ before a name)");
            }
            expect('(');
            List<Node> arguments = new ArrayList<>();
            arguments.add(sum());
            while (peek() == ',') {
                at++;
                arguments.add(sum());
            }
            if (arguments.size() != arity) {
                throw expected(function + " with " + arity + " argument" + (arity == 1 ? "" : "s"));
            }
            expect(')');
            return new Call(function, arguments.toArray(Node[]::new));
        }

        String identifier() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            return text.substring(start, at);
        }

        void expect(char c) {
            if (peek() != c) {
                throw expected("'" + c + "'");
            }
            at++;
        }

        char peek() {
            skipSpace();
            return at < text.length() ? text.charAt(at) : '\0';
        }

        void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        IllegalArgumentException expected(String what) {
            String found = at < text.length() ? "'" + text.charAt(at) + "'" : "the end";
            return new IllegalArgumentException("\"" + text + "\" at character " + (at + 1) + ": expected "
                    + what + ", found " + found);
        }
    }
}

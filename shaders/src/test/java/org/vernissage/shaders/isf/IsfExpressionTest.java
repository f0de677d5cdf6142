package org.vernissage.shaders.isf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IsfExpressionTest {

    private static final Map<String, Double> VALUES = Map.of("WIDTH", 640.0, "HEIGHT", 360.0, "zoom", 2.5);

    private static double eval(String text) {
        return IsfExpression.parse(text).evaluate(VALUES::get);
    }

    @Test
    void arithmeticWithPrecedenceParenthesesAndFunctions() {
        assertEquals(640 / 4.0 + 1, eval("$WIDTH / 4.0 + 1"));
        assertEquals((640 + 360) * 2.5, eval("($WIDTH + $HEIGHT) * $zoom"));
        assertEquals(-80.0, eval("-$WIDTH/8"));
        assertEquals(160.0, eval("floor($WIDTH / 4.0)"));
        assertEquals(91.0, eval("ceil($HEIGHT / 4 + 0.5)"));
        assertEquals(360.0, eval("max(min($WIDTH, $HEIGHT), 1)"));
        assertEquals(1024.0, eval("pow(2, 10)"));
        assertEquals(8.0, eval("clamp(12, 0, 8)"));
        assertEquals(12.0, eval("12"));
    }

    @Test
    void itListsTheVariablesItNames() {
        assertEquals(Set.of("WIDTH", "zoom"), IsfExpression.parse("$WIDTH * $zoom + $WIDTH").variables());
    }

    @Test
    void errorsSayWhereAndWhat() {
        assertEquals("\"max($WIDTH)\" at character 11: expected max with 2 arguments, found ')'",
                assertThrows(IllegalArgumentException.class, () -> IsfExpression.parse("max($WIDTH)")).getMessage());
        assertEquals("\"($WIDTH\" at character 8: expected ')', found the end",
                assertThrows(IllegalArgumentException.class, () -> IsfExpression.parse("($WIDTH")).getMessage());
        assertEquals("\"WIDTH / 2\" at character 1: expected a function of max, min, floor, ceil, round, abs, sqrt,"
                        + " pow, clamp (or $ before a name), found 'W'",
                assertThrows(IllegalArgumentException.class, () -> IsfExpression.parse("WIDTH / 2")).getMessage());
    }
}

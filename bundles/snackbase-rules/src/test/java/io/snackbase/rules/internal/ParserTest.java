package io.snackbase.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.rules.RuleSyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

    private static Node parse(String text) throws RuleSyntaxException {
        return Parser.parse(text, 10_000, 64);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '`', textBlock = """
            status = "active" ==> Compare[op==, left=Var[name=status, position=0], right=Literal[value=active, position=9], position=0, height=2]
            a in (1, 2.5) ==> In[left=Var[name=a, position=0], items=[Literal[value=1, position=6], Literal[value=2.5, position=9]], position=0, height=2]
            x IS not NULL ==> IsNull[operand=Var[name=x, position=0], negated=true, position=0, height=2]
            !x = 1 ==> Unary[op=!, operand=Compare[op==, left=Var[name=x, position=1], right=Literal[value=1, position=5], position=1, height=2], position=0, height=3]
            -5 ==> Unary[op=-, operand=Literal[value=5, position=1], position=0, height=2]
            TRUE && false || Null ==> Logic[and=false, operands=[Logic[and=true, operands=[Literal[value=true, position=0], Literal[value=false, position=8]], position=0, height=2], Literal[value=null, position=17]], position=0, height=3]
            1 + 2 * 3 ==> Arith[op=+, left=Literal[value=1, position=0], right=Arith[op=*, left=Literal[value=2, position=4], right=Literal[value=3, position=8], position=4, height=2], position=0, height=3]
            @request.auth.id != "" ==> Compare[op=!=, left=Var[name=@request.auth.id, position=0], right=Literal[value=, position=20], position=0, height=2]
            @owns_record() ==> Call[name=@owns_record, args=[], position=0, height=1]
            `'it\\'s \\"q\\" \\\\ \\n'` ==> Literal[value=it's "q" \\ \\n, position=0]
            a.b_c@d ==> Var[name=a.b_c@d, position=0]
            """)
    void parsesValidExpressions(String text, String tree) throws RuleSyntaxException {
        assertThat(parse(text).toString()).isEqualTo(tree);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '`', textBlock = """
            a = 1 OR b = 2 ==> Use '||' instead of 'OR' at position 6
            a = 1 and b = 2 ==> Use '&&' instead of 'AND' at position 6
            NOT a = 1 ==> Use '!' instead of 'NOT' at position 0
            a NOT IN (1) ==> Use '!' instead of 'NOT' at position 2
            (a = 1 AND b = 2) ==> Use '&&' instead of 'AND' at position 7
            a = 1; ==> Unexpected character ';' at position 5
            (a = 1 ==> Unexpected end of expression, expected ')' at position 6
            a = 1) ==> Unexpected token ')' after expression at position 5
            ((a = 1) ==> Unexpected end of expression, expected ')' at position 8
            a = "abc ==> Unterminated string at position 4
            a = "x\u0000y" ==> NUL character in string at position 6
            `a = 'x\\'` ==> Unterminated string at position 4
            a == 1 ==> Use '=' instead of '==' at position 2
            a = 1 & b = 2 ==> Unexpected character '&'. Did you mean '&&'? at position 6
            a = 1 | b = 2 ==> Unexpected character '|'. Did you mean '||'? at position 6
            a = b = c ==> Unexpected token '=' after expression at position 6
            a < ==> Unexpected end of expression at position 3
            a IN 1 ==> Unexpected token '1', expected '(' after IN at position 5
            a IN () ==> Unexpected token ')' at position 6
            a IS ==> Unexpected end of expression, expected NULL or NOT NULL after IS at position 4
            a IS NOT 5 ==> Unexpected token '5', expected NULL after IS NOT at position 9
            f(1, ==> Unexpected end of expression at position 4
            99999999999999999999 = a ==> Number 99999999999999999999 is too large at position 0
            1.5.2 = a ==> Unexpected character '.' at position 3
            a = 1e5 ==> Unexpected token 'e5' after expression at position 5
            a = # ==> Unexpected character '#' at position 4
            , ==> Unexpected token ',' at position 0
            """)
    void rejectsInvalidExpressions(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(RuleSyntaxException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(quoteCharacter = '`', value = {"``", "`   `", "`\t\n`"})
    void rejectsEmptyInput(String text) {
        assertThatThrownBy(() -> parse(text)).hasMessage("Empty expression at position " + text.length());
    }

    @org.junit.jupiter.api.Test
    void rejectsHugeInputWithoutReadingIt() {
        String huge = "a = 1 || ".repeat(2_000) + "a = 1";
        assertThatThrownBy(() -> parse(huge)).isInstanceOf(RuleSyntaxException.class)
                .hasMessage("Expression is longer than 10000 characters at position 10000");
    }

    @org.junit.jupiter.api.Test
    void rejectsDeepNestingWithoutOverflowingTheStack() {
        assertThatThrownBy(() -> parse("(".repeat(3_000) + "a = 1" + ")".repeat(3_000)))
                .hasMessage("Expression is nested deeper than 64 levels at position 64");
        assertThatThrownBy(() -> parse("!".repeat(100) + "a")).hasMessage("Expression is nested deeper than 64 levels at position 64");
        assertThatThrownBy(() -> parse("-".repeat(100) + "1")).hasMessage("Expression is nested deeper than 64 levels at position 64");
        assertThatThrownBy(() -> parse("1" + " + 1".repeat(100) + " > 0")).isInstanceOf(RuleSyntaxException.class)
                .hasMessageStartingWith("Expression is nested deeper than 64 levels");
        assertThatThrownBy(() -> Parser.parse("(".repeat(500_000), 1_000_000, 64)).isInstanceOf(RuleSyntaxException.class);
    }

    @org.junit.jupiter.api.Test
    void longFlatChainsOfAndOrStayShallow() throws RuleSyntaxException {
        Node node = parse("a = 1" + " || a = 1".repeat(900));
        assertThat(node.height()).isEqualTo(3);
    }
}

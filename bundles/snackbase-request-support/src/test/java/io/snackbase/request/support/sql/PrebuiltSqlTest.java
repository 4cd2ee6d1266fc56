package io.snackbase.request.support.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

class PrebuiltSqlTest {

    private final Configuration configuration = new Configuration();

    private BoundSql bind(String sql, List<Object> values) {
        Map<String, Object> args = new HashMap<>();
        args.put("sql", sql);
        args.put("p", values);
        return new PrebuiltSql().createSqlSource(configuration, "${sql}", Object.class).getBoundSql(args);
    }

    @Test
    void placeholdersBecomeQuestionMarksBoundInTextOrder() {
        BoundSql b = bind("SELECT * FROM t WHERE a = #{p[1]} AND b = #{p[0]} AND c LIKE '?%' AND d IS NULL OR e = #{p[2]}",
                Arrays.asList("x", 7L, null));
        assertEquals("SELECT * FROM t WHERE a = ? AND b = ? AND c LIKE '?%' AND d IS NULL OR e = ?", b.getSql());
        assertEquals(3, b.getParameterMappings().size());
        assertEquals(7L, b.getAdditionalParameter("__p0"));
        assertEquals("x", b.getAdditionalParameter("__p1"));
        assertEquals(null, b.getAdditionalParameter("__p2"));
    }

    @Test
    void aStatementWithoutValuesIsLeftAlone() {
        BoundSql b = bind("SELECT COUNT(*) FROM t", List.of());
        assertEquals("SELECT COUNT(*) FROM t", b.getSql());
        assertEquals(0, b.getParameterMappings().size());
    }

    @Test
    void malformedCallsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> bind("SELECT #{p[0", List.of(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> bind("SELECT #{p[3]}", List.of(1)));
    }
}

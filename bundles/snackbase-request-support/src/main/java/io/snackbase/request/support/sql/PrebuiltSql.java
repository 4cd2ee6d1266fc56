package io.snackbase.request.support.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.scripting.LanguageDriver;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.type.TypeHandler;
import org.apache.ibatis.type.UnknownTypeHandler;

/**
 * A MyBatis language driver for statements built in Java, selected with
 * {@code @Lang(PrebuiltSql.class)} on a mapper method whose parameters are {@code @Param("sql")}
 * (the text, values written as {@code #{p[i]}}) and {@code @Param("p")} (the values, a list).
 *
 * <p>The same statements through {@code @Select("${sql}")} make MyBatis substitute the text, parse
 * it again and resolve every {@code #{p[i]}} by reflection on each call, which profiling showed to
 * be the largest single cost of a record write (an audited create binds some 200 values). Here the
 * placeholders become {@code ?} in one scan and each value is bound by its runtime type, exactly as
 * MyBatis binds an {@code Object} property ({@link UnknownTypeHandler}; a null as the
 * configuration's {@code jdbcTypeForNull}). Values still never reach the SQL text.
 */
public final class PrebuiltSql implements LanguageDriver {

    /** The placeholder prefix that {@code #{p[i]}} starts with. */
    static final String OPEN = "#{p[";

    @Override
    public ParameterHandler createParameterHandler(MappedStatement statement, Object parameter, BoundSql bound) {
        return new DefaultParameterHandler(statement, parameter, bound);
    }

    @Override
    public SqlSource createSqlSource(Configuration configuration, XNode script, Class<?> parameterType) {
        throw new UnsupportedOperationException("PrebuiltSql serves annotated mapper methods only");
    }

    @Override
    public SqlSource createSqlSource(Configuration configuration, String script, Class<?> parameterType) {
        return new Source(configuration);
    }

    /** Binds the {@code sql} and {@code p} arguments of one call. */
    static final class Source implements SqlSource {
        private final Configuration configuration;
        private final TypeHandler<Object> byRuntimeType;

        Source(Configuration configuration) {
            this.configuration = configuration;
            this.byRuntimeType = new UnknownTypeHandler(configuration);
        }

        @Override
        public BoundSql getBoundSql(Object parameter) {
            if (!(parameter instanceof Map<?, ?> args) || !(args.get("sql") instanceof String text)) {
                throw new IllegalArgumentException("A PrebuiltSql statement takes @Param(\"sql\") and @Param(\"p\")");
            }
            List<?> values = args.containsKey("p") && args.get("p") instanceof List<?> list ? list : List.of();
            StringBuilder sql = new StringBuilder(text.length());
            List<Object> bound = new ArrayList<>(values.size());
            int from = 0;
            for (int at = text.indexOf(OPEN); at >= 0; at = text.indexOf(OPEN, from)) {
                int close = text.indexOf("]}", at);
                if (close < 0) {
                    throw new IllegalArgumentException("Unterminated placeholder at " + at + " in: " + text);
                }
                bound.add(values.get(Integer.parseInt(text, at + OPEN.length(), close, 10)));
                sql.append(text, from, at).append('?');
                from = close + 2;
            }
            sql.append(text, from, text.length());
            List<ParameterMapping> mappings = new ArrayList<>(bound.size());
            BoundSql result = new BoundSql(configuration, sql.toString(), mappings, parameter);
            for (int i = 0; i < bound.size(); i++) {
                String name = "__p" + i;
                mappings.add(new ParameterMapping.Builder(configuration, name, byRuntimeType).build());
                result.setAdditionalParameter(name, bound.get(i));
            }
            return result;
        }
    }
}

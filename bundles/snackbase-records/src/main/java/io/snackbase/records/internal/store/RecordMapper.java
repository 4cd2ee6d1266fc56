package io.snackbase.records.internal.store;

import io.snackbase.request.support.sql.PrebuiltSql;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Lang;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Record statements built by {@code records.Sql}: the text holds only quoted identifiers from the
 * validated definition and {@code #{p[i]}} placeholders, so every value is bound. They are bound
 * by {@link PrebuiltSql} in one scan, not parsed again by MyBatis on every call.
 */
public interface RecordMapper {

    @Lang(PrebuiltSql.class)
    @Select("${sql}")
    List<Map<String, Object>> select(@Param("sql") String sql, @Param("p") List<Object> params);

    @Lang(PrebuiltSql.class)
    @Select("${sql}")
    long count(@Param("sql") String sql, @Param("p") List<Object> params);

    @Lang(PrebuiltSql.class)
    @Update("${sql}")
    int write(@Param("sql") String sql, @Param("p") List<Object> params);
}

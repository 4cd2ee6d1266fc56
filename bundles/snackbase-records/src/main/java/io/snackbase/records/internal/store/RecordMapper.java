package io.snackbase.records.internal.store;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Record statements built by {@code records.Sql}: the text holds only quoted identifiers from the
 * validated definition and {@code #{p[i]}} placeholders, so every value is bound.
 */
public interface RecordMapper {

    @Select("${sql}")
    List<Map<String, Object>> select(@Param("sql") String sql, @Param("p") List<Object> params);

    @Select("${sql}")
    long count(@Param("sql") String sql, @Param("p") List<Object> params);

    @Update("${sql}")
    int write(@Param("sql") String sql, @Param("p") List<Object> params);
}

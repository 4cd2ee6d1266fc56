package io.snackbase.records.internal.store;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Statements on collection tables. The {@code ${...}} texts are DDL made by {@code TableDdl} and
 * quoted identifiers made from validated names; values are always bound.
 */
public interface TableMapper {

    @Update("${sql}")
    void execute(@Param("sql") String sql);

    @Select("SELECT COUNT(*) FROM ${table}")
    long count(@Param("table") String quotedTable);

    /** Gives existing rows a new column's default, bound as a parameter; {@code cast} is e.g. {@code CAST(? AS JSONB)} around it. */
    @Update("UPDATE ${table} SET ${column} = ${castOpen}#{value}${castClose} WHERE ${column} IS NULL")
    int fill(@Param("table") String quotedTable, @Param("column") String quotedColumn, @Param("value") Object value,
            @Param("castOpen") String castOpen, @Param("castClose") String castClose);
}

package io.snackbase.auth.internal.store;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code roles}. */
public interface RoleMapper {

    String COLUMNS = "id, name, description, created_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM roles ORDER BY id")
    List<RoleRow> all();

    @Select("SELECT " + COLUMNS + " FROM roles WHERE id = #{id}")
    RoleRow findById(@Param("id") int id);

    @Select("SELECT " + COLUMNS + " FROM roles WHERE name = #{name}")
    RoleRow findByName(@Param("name") String name);

    /** The id is max + 1; a concurrent insert loses on the primary key and is retried by the caller. */
    @Insert("INSERT INTO roles (id, name, description, created_at, updated_at)"
            + " SELECT COALESCE(MAX(id), 0) + 1, #{name}, #{description}, #{createdAt}, #{updatedAt} FROM roles")
    int insert(RoleRow role);

    @Update("UPDATE roles SET name = #{name}, description = #{description}, updated_at = #{updatedAt} WHERE id = #{id}")
    int update(RoleRow role);

    @Delete("DELETE FROM roles WHERE id = #{id}")
    int delete(@Param("id") int id);
}

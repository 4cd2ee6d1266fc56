package io.snackbase.records.internal.store;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL of {@code collections} and {@code collection_rules}. Sort columns reach SQL only after the
 * resource checked them against a fixed list.
 */
public interface CollectionMapper {

    String COLUMNS = "c.id, c.name, c.name_key, c.table_name, c.schema_json, c.created_at, c.updated_at,"
            + " r.list_rule, r.view_rule, r.create_rule, r.update_rule, r.delete_rule,"
            + " r.list_fields, r.view_fields, r.create_fields, r.update_fields";
    String FROM = " FROM collections c LEFT JOIN collection_rules r ON r.collection_id = c.id";
    String SEARCH = "<where><if test='pattern != null'>c.name_key LIKE #{pattern} ESCAPE '!' OR LOWER(c.id) LIKE #{pattern} ESCAPE '!'</if></where>";

    @Insert("INSERT INTO collections (id, name, name_key, table_name, schema_json, created_at, updated_at)"
            + " VALUES (#{id}, #{name}, #{nameKey}, #{tableName}, #{schemaJson}, #{createdAt}, #{updatedAt})")
    int insert(CollectionRow row);

    @Insert("INSERT INTO collection_rules (id, collection_id, list_rule, view_rule, create_rule, update_rule, delete_rule,"
            + " list_fields, view_fields, create_fields, update_fields, created_at, updated_at)"
            + " VALUES (#{rulesId}, #{c.id}, #{c.listRule}, #{c.viewRule}, #{c.createRule}, #{c.updateRule}, #{c.deleteRule},"
            + " #{c.listFields}, #{c.viewFields}, #{c.createFields}, #{c.updateFields}, #{c.createdAt}, #{c.updatedAt})")
    int insertRules(@Param("rulesId") String rulesId, @Param("c") CollectionRow row);

    @Update("UPDATE collection_rules SET list_rule = #{listRule}, view_rule = #{viewRule}, create_rule = #{createRule},"
            + " update_rule = #{updateRule}, delete_rule = #{deleteRule}, list_fields = #{listFields}, view_fields = #{viewFields},"
            + " create_fields = #{createFields}, update_fields = #{updateFields}, updated_at = #{updatedAt} WHERE collection_id = #{id}")
    int updateRules(CollectionRow row);

    @Update("UPDATE collections SET schema_json = #{schemaJson}, updated_at = #{updatedAt} WHERE id = #{id}")
    int updateSchema(CollectionRow row);

    @Select("SELECT " + COLUMNS + FROM + " WHERE c.id = #{id}")
    CollectionRow findById(@Param("id") String id);

    @Select("SELECT " + COLUMNS + FROM + " WHERE c.name_key = #{nameKey}")
    CollectionRow findByNameKey(@Param("nameKey") String nameKey);

    @Select("SELECT " + COLUMNS + FROM + " ORDER BY c.name_key")
    List<CollectionRow> all();

    @Select("SELECT name FROM collections ORDER BY name_key")
    List<String> names();

    @Select("<script>SELECT " + COLUMNS + FROM + " " + SEARCH
            + " ORDER BY c.${sortColumn} ${sortOrder}, c.id LIMIT #{limit} OFFSET #{offset}</script>")
    List<CollectionRow> list(@Param("pattern") String pattern, @Param("sortColumn") String sortColumn,
            @Param("sortOrder") String sortOrder, @Param("limit") int limit, @Param("offset") int offset);

    @Select("<script>SELECT COUNT(*) FROM collections c " + SEARCH + "</script>")
    long count(@Param("pattern") String pattern);

    @Delete("DELETE FROM collections WHERE id = #{id}")
    int delete(@Param("id") String id);
}

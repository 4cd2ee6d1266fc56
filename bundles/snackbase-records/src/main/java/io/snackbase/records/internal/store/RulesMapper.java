package io.snackbase.records.internal.store;

import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL of {@code collection_rules} for {@code /collections/{name}/rules}. The partial update sets
 * only the columns whose keys are in the map (the keys were checked against the fixed list of
 * rule and field-list keys first); every value is bound.
 */
public interface RulesMapper {

    String COLUMNS = "id, collection_id, list_rule, view_rule, create_rule, update_rule, delete_rule,"
            + " list_fields, view_fields, create_fields, update_fields, created_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM collection_rules WHERE collection_id = #{collectionId}")
    RulesRow find(@Param("collectionId") String collectionId);

    /** A row with the defaults: every rule null (locked), every field list {@code *}. */
    @Insert("INSERT INTO collection_rules (id, collection_id, list_fields, view_fields, create_fields, update_fields, created_at, updated_at)"
            + " VALUES (#{id}, #{collectionId}, '*', '*', '*', '*', #{now}, #{now})")
    int insertDefaults(@Param("id") String id, @Param("collectionId") String collectionId, @Param("now") long now);

    @Update("<script>UPDATE collection_rules SET"
            + "<if test=\"v.containsKey('list_rule')\"> list_rule = #{v.list_rule,jdbcType=VARCHAR},</if>"
            + "<if test=\"v.containsKey('view_rule')\"> view_rule = #{v.view_rule,jdbcType=VARCHAR},</if>"
            + "<if test=\"v.containsKey('create_rule')\"> create_rule = #{v.create_rule,jdbcType=VARCHAR},</if>"
            + "<if test=\"v.containsKey('update_rule')\"> update_rule = #{v.update_rule,jdbcType=VARCHAR},</if>"
            + "<if test=\"v.containsKey('delete_rule')\"> delete_rule = #{v.delete_rule,jdbcType=VARCHAR},</if>"
            + "<if test=\"v.containsKey('list_fields')\"> list_fields = #{v.list_fields,jdbcType=VARCHAR},</if>"
            + "<if test=\"v.containsKey('view_fields')\"> view_fields = #{v.view_fields,jdbcType=VARCHAR},</if>"
            + "<if test=\"v.containsKey('create_fields')\"> create_fields = #{v.create_fields,jdbcType=VARCHAR},</if>"
            + "<if test=\"v.containsKey('update_fields')\"> update_fields = #{v.update_fields,jdbcType=VARCHAR},</if>"
            + " updated_at = #{now} WHERE collection_id = #{collectionId}</script>")
    int update(@Param("collectionId") String collectionId, @Param("v") Map<String, Object> values, @Param("now") long now);
}

package io.snackbase.auth.internal.store;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code api_keys}. */
public interface ApiKeyMapper {

    String COLUMNS = "id, name, key_hash, user_id, expires_at, last_used_at, is_active, created_at, updated_at, scopes, account_id";

    @Insert("INSERT INTO api_keys (" + COLUMNS + ") VALUES (#{id}, #{name}, #{keyHash}, #{userId}, #{expiresAt},"
            + " NULL, #{isActive}, #{createdAt}, #{updatedAt}, #{scopes}, #{accountId})")
    int insert(ApiKeyRow key);

    @Select("SELECT " + COLUMNS + " FROM api_keys WHERE user_id = #{userId} ORDER BY created_at DESC, id")
    List<ApiKeyRow> ofUser(@Param("userId") String userId);

    @Select("SELECT COUNT(*) FROM api_keys WHERE user_id = #{userId} AND is_active = TRUE")
    int countActive(@Param("userId") String userId);

    @Select("SELECT " + COLUMNS + " FROM api_keys WHERE id = #{id}")
    ApiKeyRow findById(@Param("id") String id);

    @Select("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = #{hash}")
    ApiKeyRow findByHash(@Param("hash") String hash);

    @Update("UPDATE api_keys SET is_active = FALSE, updated_at = #{now} WHERE id = #{id}")
    int deactivate(@Param("id") String id, @Param("now") long now);

    @Update("UPDATE api_keys SET last_used_at = #{now} WHERE id = #{id}")
    int touch(@Param("id") String id, @Param("now") long now);
}

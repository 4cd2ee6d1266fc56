package io.snackbase.auth.internal.store;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code users}; every read joins the role and the account. */
public interface UserMapper {

    String SELECT = "SELECT u.id, u.account_id, u.email, u.password_hash, u.role_id, u.is_active, u.email_verified,"
            + " u.email_verified_at, u.auth_provider, u.auth_provider_name, u.external_id, u.external_email, u.profile_data,"
            + " u.created_at, u.updated_at, u.last_login, r.name AS role_name, a.account_code, a.name AS account_name,"
            + " a.slug AS account_slug FROM users u JOIN roles r ON r.id = u.role_id JOIN accounts a ON a.id = u.account_id";
    String FILTER = "<where><if test='accountId != null'>u.account_id = #{accountId}</if>"
            + "<if test='roleId != null'> AND u.role_id = #{roleId}</if>"
            + "<if test='active != null'> AND u.is_active = #{active}</if>"
            + "<if test='pattern != null'> AND u.email LIKE #{pattern} ESCAPE '!'</if></where>";

    @Insert("INSERT INTO users (id, account_id, email, password_hash, role_id, is_active, email_verified, email_verified_at,"
            + " auth_provider, auth_provider_name, external_id, external_email, profile_data, created_at, updated_at, last_login)"
            + " VALUES (#{id}, #{accountId}, #{email}, #{passwordHash}, #{roleId}, #{isActive}, #{emailVerified}, #{emailVerifiedAt},"
            + " #{authProvider}, #{authProviderName}, #{externalId}, #{externalEmail}, #{profileData}, #{createdAt}, #{updatedAt}, #{lastLogin})")
    int insert(UserRow user);

    @Select(SELECT + " WHERE u.id = #{id}")
    UserRow findById(@Param("id") String id);

    @Select(SELECT + " WHERE u.account_id = #{accountId} AND u.email = #{email}")
    UserRow findByEmail(@Param("accountId") String accountId, @Param("email") String email);

    @Select("<script>" + SELECT + FILTER + " ORDER BY u.${sortColumn} ${sortOrder}, u.id LIMIT #{limit} OFFSET #{offset}</script>")
    List<UserRow> list(@Param("accountId") String accountId, @Param("roleId") Integer roleId, @Param("active") Boolean active,
            @Param("pattern") String pattern, @Param("sortColumn") String sortColumn, @Param("sortOrder") String sortOrder,
            @Param("limit") int limit, @Param("offset") int offset);

    @Select("<script>SELECT COUNT(*) FROM users u" + FILTER + "</script>")
    long count(@Param("accountId") String accountId, @Param("roleId") Integer roleId, @Param("active") Boolean active,
            @Param("pattern") String pattern);

    @Select("SELECT g.name FROM group_members m JOIN user_groups g ON g.id = m.group_id WHERE m.user_id = #{userId} ORDER BY g.name")
    List<String> groupNames(@Param("userId") String userId);

    @Update("UPDATE users SET last_login = #{now}, updated_at = #{now} WHERE id = #{id}")
    int touchLogin(@Param("id") String id, @Param("now") long now);

    @Update("UPDATE users SET password_hash = #{hash}, updated_at = #{now} WHERE id = #{id}")
    int setPassword(@Param("id") String id, @Param("hash") String hash, @Param("now") long now);

    @Update("UPDATE users SET email_verified = TRUE, email_verified_at = #{now}, updated_at = #{now} WHERE id = #{id}")
    int markVerified(@Param("id") String id, @Param("now") long now);

    @Update("UPDATE users SET email = #{email}, role_id = #{roleId}, is_active = #{isActive}, auth_provider = #{authProvider},"
            + " auth_provider_name = #{authProviderName}, external_id = #{externalId}, external_email = #{externalEmail},"
            + " profile_data = #{profileData}, updated_at = #{updatedAt} WHERE id = #{id}")
    int update(UserRow user);

    @Update("UPDATE users SET is_active = FALSE, updated_at = #{now} WHERE id = #{id}")
    int deactivate(@Param("id") String id, @Param("now") long now);

    @Select("SELECT COUNT(*) FROM users WHERE role_id = #{roleId}")
    long countWithRole(@Param("roleId") int roleId);
}

package io.snackbase.auth.internal.store;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code user_groups} and {@code group_members}. */
public interface GroupMapper {

    String SELECT = "SELECT g.id, g.account_id, g.name, g.description, g.is_system, g.created_at, g.updated_at,"
            + " a.account_code, (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS member_count"
            + " FROM user_groups g JOIN accounts a ON a.id = g.account_id";

    @Insert("INSERT INTO user_groups (id, account_id, name, description, is_system, created_at, updated_at)"
            + " VALUES (#{id}, #{accountId}, #{name}, #{description}, #{isSystem}, #{createdAt}, #{updatedAt})")
    int insert(GroupRow group);

    @Select(SELECT + " WHERE g.id = #{id}")
    GroupRow findById(@Param("id") String id);

    @Select(SELECT + " WHERE g.account_id = #{accountId} AND g.name = #{name}")
    GroupRow findByName(@Param("accountId") String accountId, @Param("name") String name);

    /** Case-insensitive, so that names clash the same way on every database (MariaDB's collation folds case). */
    @Select(SELECT + " WHERE g.account_id = #{accountId} AND LOWER(g.name) = LOWER(#{name})")
    List<GroupRow> findByNameFolded(@Param("accountId") String accountId, @Param("name") String name);

    @Select("<script>" + SELECT + "<where><if test='accountId != null'>g.account_id = #{accountId}</if>"
            + "<if test='pattern != null'> AND LOWER(g.name) LIKE #{pattern} ESCAPE '!'</if></where>"
            + " ORDER BY g.name, g.id LIMIT #{limit} OFFSET #{offset}</script>")
    List<GroupRow> list(@Param("accountId") String accountId, @Param("pattern") String pattern,
            @Param("limit") int limit, @Param("offset") int offset);

    @Update("UPDATE user_groups SET name = #{name}, description = #{description}, updated_at = #{updatedAt} WHERE id = #{id}")
    int update(GroupRow group);

    @Delete("DELETE FROM user_groups WHERE id = #{id}")
    int delete(@Param("id") String id);

    @Insert("INSERT INTO group_members (group_id, user_id, created_at) VALUES (#{groupId}, #{userId}, #{now})")
    int addMember(@Param("groupId") String groupId, @Param("userId") String userId, @Param("now") long now);

    @Select("SELECT COUNT(*) FROM group_members WHERE group_id = #{groupId} AND user_id = #{userId}")
    int isMember(@Param("groupId") String groupId, @Param("userId") String userId);

    @Delete("DELETE FROM group_members WHERE group_id = #{groupId} AND user_id = #{userId}")
    int removeMember(@Param("groupId") String groupId, @Param("userId") String userId);

    @Select("SELECT user_id FROM group_members WHERE group_id = #{groupId} ORDER BY created_at, user_id")
    List<String> memberIds(@Param("groupId") String groupId);

    /** The members as users (with role and account), in the order they joined. */
    @Select(UserMapper.SELECT + " JOIN group_members m ON m.user_id = u.id WHERE m.group_id = #{groupId} ORDER BY m.created_at, u.id")
    List<UserRow> members(@Param("groupId") String groupId);
}

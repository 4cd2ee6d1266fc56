package io.snackbase.auth.internal.store;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code invitations}. */
public interface InvitationMapper {

    String SELECT = "SELECT i.id, i.account_id, i.email, i.token, i.invited_by, i.role_id, i.group_ids, i.expires_at,"
            + " i.accepted_at, i.cancelled_at, i.email_sent, i.email_sent_at, i.created_at, i.updated_at,"
            + " a.account_code, a.name AS account_name, u.email AS invited_by_email"
            + " FROM invitations i JOIN accounts a ON a.id = i.account_id LEFT JOIN users u ON u.id = i.invited_by";

    @Insert("INSERT INTO invitations (id, account_id, email, token, invited_by, role_id, group_ids, expires_at, accepted_at,"
            + " cancelled_at, email_sent, email_sent_at, created_at, updated_at) VALUES (#{id}, #{accountId}, #{email}, #{token},"
            + " #{invitedBy}, #{roleId}, #{groupIds}, #{expiresAt}, NULL, NULL, #{emailSent}, #{emailSentAt}, #{createdAt}, #{updatedAt})")
    int insert(InvitationRow invitation);

    @Select(SELECT + " WHERE i.id = #{id}")
    InvitationRow findById(@Param("id") String id);

    @Select(SELECT + " WHERE i.token = #{token}")
    InvitationRow findByToken(@Param("token") String token);

    @Select("<script>" + SELECT + "<where><if test='accountId != null'>i.account_id = #{accountId}</if></where>"
            + " ORDER BY i.created_at DESC, i.id</script>")
    List<InvitationRow> list(@Param("accountId") String accountId);

    /** The status filter of {@link #filtered}: the same precedence as the computed status (accepted, cancelled, expired, pending). */
    String STATUS = "<if test='accountId != null'> AND i.account_id = #{accountId}</if>"
            + "<if test='status == \"accepted\"'> AND i.accepted_at IS NOT NULL</if>"
            + "<if test='status == \"cancelled\"'> AND i.accepted_at IS NULL AND i.cancelled_at IS NOT NULL</if>"
            + "<if test='status == \"expired\"'> AND i.accepted_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at &lt;= #{now}</if>"
            + "<if test='status == \"pending\"'> AND i.accepted_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at &gt; #{now}</if>";

    /** @param status pending, accepted, expired, cancelled, or null for all; @param limit null for no limit */
    @Select("<script>" + SELECT + " WHERE 1 = 1" + STATUS + " ORDER BY i.created_at DESC, i.id"
            + "<if test='limit != null'> LIMIT #{limit} OFFSET #{offset}</if></script>")
    List<InvitationRow> filtered(@Param("accountId") String accountId, @Param("status") String status, @Param("now") long now,
            @Param("limit") Integer limit, @Param("offset") Integer offset);

    @Select("<script>SELECT COUNT(*) FROM invitations i WHERE 1 = 1" + STATUS + "</script>")
    long countFiltered(@Param("accountId") String accountId, @Param("status") String status, @Param("now") long now);

    /** Soft cancellation, so that the history stays listable; @return 0 when it was accepted or cancelled already */
    @Update("UPDATE invitations SET cancelled_at = #{now}, updated_at = #{now} WHERE id = #{id}"
            + " AND accepted_at IS NULL AND cancelled_at IS NULL")
    int cancel(@Param("id") String id, @Param("now") long now);

    @Select("SELECT COUNT(*) FROM invitations WHERE account_id = #{accountId} AND email = #{email}"
            + " AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > #{now}")
    int countPending(@Param("accountId") String accountId, @Param("email") String email, @Param("now") long now);

    @Update("UPDATE invitations SET email_sent = #{sent}, email_sent_at = #{sentAt}, updated_at = #{now} WHERE id = #{id}")
    int markSent(@Param("id") String id, @Param("sent") boolean sent, @Param("sentAt") Long sentAt, @Param("now") long now);

    /** @return 1 for the caller that accepted it; 0 when it was accepted or cancelled already */
    @Update("UPDATE invitations SET accepted_at = #{now}, updated_at = #{now} WHERE id = #{id}"
            + " AND accepted_at IS NULL AND cancelled_at IS NULL")
    int accept(@Param("id") String id, @Param("now") long now);

    @Delete("DELETE FROM invitations WHERE id = #{id}")
    int delete(@Param("id") String id);
}

package io.snackbase.webhooks.internal.store;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code webhooks}; every statement that a caller reaches names the account, so tenants never mix. */
public interface WebhookMapper {

    String COLUMNS = "id, account_id, url, collection, events, secret, previous_secret, previous_secret_until,"
            + " filter_expression, headers, enabled, disabled_reason, failing_since, created_at, updated_at, created_by";

    @Insert("INSERT INTO webhooks (" + COLUMNS + ") VALUES (#{id}, #{accountId}, #{url}, #{collection}, #{events},"
            + " #{secret}, #{previousSecret}, #{previousSecretUntil}, #{filterExpression}, #{headers}, #{enabled},"
            + " #{disabledReason}, #{failingSince}, #{createdAt}, #{updatedAt}, #{createdBy})")
    int insert(WebhookRow row);

    @Select("SELECT " + COLUMNS + " FROM webhooks WHERE account_id = #{accountId} AND id = #{id}")
    WebhookRow find(@Param("accountId") String accountId, @Param("id") String id);

    /** For the delivery worker: the webhooks of a batch of claimed deliveries, read once per claim. */
    @Select("<script>SELECT " + COLUMNS + " FROM webhooks WHERE id IN"
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<WebhookRow> byIds(@Param("ids") java.util.Collection<String> ids);

    @Select("SELECT " + COLUMNS + " FROM webhooks WHERE account_id = #{accountId} ORDER BY created_at DESC, id")
    List<WebhookRow> list(@Param("accountId") String accountId);

    @Select("SELECT COUNT(*) FROM webhooks WHERE account_id = #{accountId}")
    int count(@Param("accountId") String accountId);

    /** The webhooks a record write in this account and collection may fire. */
    @Select("SELECT " + COLUMNS + " FROM webhooks WHERE account_id = #{accountId} AND collection = #{collection}"
            + " AND enabled = #{enabled} ORDER BY id")
    List<WebhookRow> enabledFor(@Param("accountId") String accountId, @Param("collection") String collection,
            @Param("enabled") boolean enabled);

    @Update("UPDATE webhooks SET url = #{url}, collection = #{collection}, events = #{events},"
            + " filter_expression = #{filterExpression}, headers = #{headers}, enabled = #{enabled},"
            + " disabled_reason = #{disabledReason}, failing_since = #{failingSince}, updated_at = #{updatedAt}"
            + " WHERE account_id = #{accountId} AND id = #{id}")
    int update(WebhookRow row);

    @Update("UPDATE webhooks SET secret = #{secret}, previous_secret = #{previousSecret},"
            + " previous_secret_until = #{previousSecretUntil}, updated_at = #{updatedAt}"
            + " WHERE account_id = #{accountId} AND id = #{id}")
    int rotate(WebhookRow row);

    /** A success ends a failing streak. */
    @Update("UPDATE webhooks SET failing_since = NULL WHERE id = #{id} AND failing_since IS NOT NULL")
    int succeeded(@Param("id") String id);

    /** The first failure of a streak starts it; later ones leave the start alone. */
    @Update("UPDATE webhooks SET failing_since = #{now} WHERE id = #{id} AND failing_since IS NULL")
    int failed(@Param("id") String id, @Param("now") long now);

    @Update("UPDATE webhooks SET enabled = #{enabled}, disabled_reason = #{reason}, updated_at = #{now}"
            + " WHERE id = #{id} AND enabled = #{wasEnabled}")
    int disable(@Param("id") String id, @Param("reason") String reason, @Param("now") long now,
            @Param("enabled") boolean enabled, @Param("wasEnabled") boolean wasEnabled);

    @Delete("DELETE FROM webhooks WHERE account_id = #{accountId} AND id = #{id}")
    int delete(@Param("accountId") String accountId, @Param("id") String id);
}

package io.snackbase.auth.internal.store;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code refresh_tokens}, {@code revoked_tokens} and {@code email_tokens}. */
public interface TokenMapper {

    @Insert("INSERT INTO refresh_tokens (id, token_hash, family_id, user_id, account_id, expires_at, created_at, revoked_at)"
            + " VALUES (#{id}, #{tokenHash}, #{familyId}, #{userId}, #{accountId}, #{expiresAt}, #{createdAt}, NULL)")
    int insertRefresh(RefreshTokenRow token);

    @Select("SELECT id, token_hash, family_id, user_id, account_id, expires_at, created_at, revoked_at"
            + " FROM refresh_tokens WHERE token_hash = #{hash}")
    RefreshTokenRow findRefresh(@Param("hash") String hash);

    /** @return 1 for the caller that revoked it, 0 when it was already revoked (a replay or a race) */
    @Update("UPDATE refresh_tokens SET revoked_at = #{now} WHERE id = #{id} AND revoked_at IS NULL")
    int revokeRefresh(@Param("id") String id, @Param("now") long now);

    @Update("UPDATE refresh_tokens SET revoked_at = #{now} WHERE family_id = #{familyId} AND revoked_at IS NULL")
    int revokeFamily(@Param("familyId") String familyId, @Param("now") long now);

    @Update("UPDATE refresh_tokens SET revoked_at = #{now} WHERE user_id = #{userId} AND revoked_at IS NULL")
    int revokeAllOfUser(@Param("userId") String userId, @Param("now") long now);

    @Insert("INSERT INTO revoked_tokens (token_id, revoked_at, expires_at) VALUES (#{tokenId}, #{now}, #{expiresAt})")
    int revokeTokenId(@Param("tokenId") String tokenId, @Param("now") long now, @Param("expiresAt") Long expiresAt);

    @Select("SELECT COUNT(*) FROM revoked_tokens WHERE token_id = #{tokenId}")
    int isRevoked(@Param("tokenId") String tokenId);

    @Insert("INSERT INTO email_tokens (id, token_hash, purpose, user_id, email, expires_at, used_at, created_at)"
            + " VALUES (#{id}, #{tokenHash}, #{purpose}, #{userId}, #{email}, #{expiresAt}, NULL, #{createdAt})")
    int insertEmailToken(EmailTokenRow token);

    @Select("SELECT id, token_hash, purpose, user_id, email, expires_at, used_at, created_at"
            + " FROM email_tokens WHERE token_hash = #{hash} AND purpose = #{purpose}")
    EmailTokenRow findEmailToken(@Param("hash") String hash, @Param("purpose") String purpose);

    /** @return 1 for the caller that used it; 0 when it was used already */
    @Update("UPDATE email_tokens SET used_at = #{now} WHERE id = #{id} AND used_at IS NULL")
    int useEmailToken(@Param("id") String id, @Param("now") long now);

    /** A new token replaces the older unused ones of the same purpose. */
    @Delete("DELETE FROM email_tokens WHERE user_id = #{userId} AND purpose = #{purpose} AND used_at IS NULL")
    int deleteOpenEmailTokens(@Param("userId") String userId, @Param("purpose") String purpose);
}

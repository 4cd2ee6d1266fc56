package io.snackbase.auth.internal.store;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code accounts}. Sort columns reach SQL only after {@code AccountQueries} checked them against a fixed list. */
public interface AccountMapper {

    String COLUMNS = "a.id, a.account_code, a.slug, a.name, a.created_at, a.updated_at";
    String USER_COUNT = "(SELECT COUNT(*) FROM users u WHERE u.account_id = a.id) AS user_count";
    String SEARCH = "<where><if test='pattern != null'>LOWER(a.name) LIKE #{pattern} ESCAPE '!' OR LOWER(a.slug) LIKE #{pattern} ESCAPE '!'"
            + " OR LOWER(a.account_code) LIKE #{pattern} ESCAPE '!' OR LOWER(a.id) LIKE #{pattern} ESCAPE '!'</if></where>";

    @Insert("INSERT INTO accounts (id, account_code, slug, name, created_at, updated_at)"
            + " VALUES (#{id}, #{accountCode}, #{slug}, #{name}, #{createdAt}, #{updatedAt})")
    int insert(AccountRow account);

    @Select("SELECT " + COLUMNS + ", " + USER_COUNT + " FROM accounts a WHERE a.id = #{id}")
    AccountRow findById(@Param("id") String id);

    @Select("SELECT " + COLUMNS + " FROM accounts a WHERE a.account_code = #{code}")
    AccountRow findByCode(@Param("code") String code);

    @Select("SELECT " + COLUMNS + " FROM accounts a WHERE a.slug = #{slug}")
    AccountRow findBySlug(@Param("slug") String slug);

    /** Codes sort as (letter, letter, number) when compared as text. */
    @Select("SELECT MAX(account_code) FROM accounts WHERE account_code NOT LIKE 'SY%'")
    String highestCode();

    @Select("<script>SELECT " + COLUMNS + ", " + USER_COUNT + " FROM accounts a " + SEARCH
            + " ORDER BY a.${sortColumn} ${sortOrder}, a.id LIMIT #{limit} OFFSET #{offset}</script>")
    List<AccountRow> list(@Param("pattern") String pattern, @Param("sortColumn") String sortColumn,
            @Param("sortOrder") String sortOrder, @Param("limit") int limit, @Param("offset") int offset);

    @Select("<script>SELECT COUNT(*) FROM accounts a " + SEARCH + "</script>")
    long count(@Param("pattern") String pattern);

    @Update("UPDATE accounts SET name = #{name}, updated_at = #{now} WHERE id = #{id}")
    int rename(@Param("id") String id, @Param("name") String name, @Param("now") long now);

    @Delete("DELETE FROM accounts WHERE id = #{id}")
    int delete(@Param("id") String id);
}

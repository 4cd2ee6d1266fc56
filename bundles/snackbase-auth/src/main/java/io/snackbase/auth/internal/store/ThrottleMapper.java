package io.snackbase.auth.internal.store;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code login_throttle}. */
public interface ThrottleMapper {

    /** One throttle row. */
    class Row {
        public String throttleKey;
        public Long windowStart;
        public Integer failures;
        public Long lockedUntil;
    }

    @Select("SELECT throttle_key, window_start, failures, locked_until FROM login_throttle WHERE throttle_key = #{key}")
    Row find(@Param("key") String key);

    @Insert("INSERT INTO login_throttle (throttle_key, window_start, failures, locked_until) VALUES (#{key}, #{now}, 1, #{lockedUntil})")
    int insert(@Param("key") String key, @Param("now") long now, @Param("lockedUntil") Long lockedUntil);

    /** Counts one failure in the current window, or starts a new window when it has passed. */
    @Update("UPDATE login_throttle SET failures = CASE WHEN window_start < #{windowFloor} THEN 1 ELSE failures + 1 END,"
            + " window_start = CASE WHEN window_start < #{windowFloor} THEN #{now} ELSE window_start END"
            + " WHERE throttle_key = #{key}")
    int countFailure(@Param("key") String key, @Param("now") long now, @Param("windowFloor") long windowFloor);

    @Update("UPDATE login_throttle SET locked_until = #{lockedUntil} WHERE throttle_key = #{key}")
    int lock(@Param("key") String key, @Param("lockedUntil") long lockedUntil);

    @Delete("DELETE FROM login_throttle WHERE throttle_key = #{key}")
    int clear(@Param("key") String key);
}

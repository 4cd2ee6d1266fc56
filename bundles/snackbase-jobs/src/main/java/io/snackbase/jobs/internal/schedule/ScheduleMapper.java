package io.snackbase.jobs.internal.schedule;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of {@code job_schedules}, the durable schedules on SQLite (where Quartz keeps them in memory). */
public interface ScheduleMapper {

    @Delete("DELETE FROM job_schedules WHERE id = #{id}")
    int delete(@Param("id") String id);

    @Insert("INSERT INTO job_schedules (id, cron, request, updated_at) VALUES (#{id}, #{cron}, #{request}, #{now})")
    int insert(@Param("id") String id, @Param("cron") String cron, @Param("request") String request, @Param("now") long now);

    @Select("SELECT id, cron, request FROM job_schedules ORDER BY id")
    List<StoredSchedule> all();
}

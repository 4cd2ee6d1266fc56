package io.snackbase.storage.jdbc.internal;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Mapper under test; its SQL is in TestItemMapper.xml, with one databaseId-specific statement. */
public interface TestItemMapper {
    int insert(TestItem item);
    TestItem find(@Param("id") String id);
    List<TestItem> findByName(@Param("name") String name);
    int rename(@Param("id") String id, @Param("name") String name);
    int delete(@Param("id") String id);
    long count();
    String product();
    int deleteAll();
}

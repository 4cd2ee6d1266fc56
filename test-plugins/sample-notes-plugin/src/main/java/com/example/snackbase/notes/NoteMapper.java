package com.example.snackbase.notes;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The plugin's SQL, in NoteMapper.xml next to this interface. */
public interface NoteMapper {
    int insert(@Param("id") String id, @Param("text") String text);
    List<Note> all();
}

package com.example.snackbase.notes;

/** A note row; package-private on purpose, so that MyBatis must resolve it through the plugin's class loader. */
class Note {
    private String id;
    private String text;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
